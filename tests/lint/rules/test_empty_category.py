def scheme(citations: str) -> dict:
    return {"schemes/extra.yaml": f'''
        id: extra
        name: Extra
        categories:
          - id: extra-root
            label: Root
          - id: extra-values
            label: Values
            parent: extra-root
            {citations}
    '''}


def test_leaf_without_citations_is_reported(run_rule):
    [p] = run_rule("empty-category", scheme("order: 1"), full=True)
    assert (p.file, p.line, p.column, p.level) == ("schemes/extra.yaml", 6, 9, "warning")


def test_leaf_with_citations_passes_and_inner_category_may_be_empty(run_rule):
    assert run_rule("empty-category",
                    scheme("citations: [{label: Delphi, works: [jiang2021delphi]}]")) == []
