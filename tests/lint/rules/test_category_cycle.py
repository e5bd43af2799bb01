def scheme(parent_of_a: str) -> dict:
    return {"schemes/loop.yaml": f'''
        id: loop
        name: Loop
        categories:
          - id: loop-a
            label: A
            {parent_of_a}
            citations: [{{label: D, works: [jiang2021delphi]}}]
          - id: loop-b
            label: B
            parent: loop-a
    '''}


def test_cycle_is_reported_once_at_the_parent(run_rule):
    [p] = run_rule("category-cycle", scheme("parent: loop-b"), full=True)
    assert (p.file, p.line, p.column) == ("schemes/loop.yaml", 6, 13)
    assert "loop-a -> loop-b -> loop-a" in p.message


def test_tree_passes(run_rule):
    assert run_rule("category-cycle", scheme("order: 1")) == []
