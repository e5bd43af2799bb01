SCHEME = '''
    id: extra
    name: Extra
    categories:
      - id: extra-values
        label: Values
        citations:
          - label: InstructGPT
            works: [{work}]
'''


def test_typo_is_reported_at_the_id_with_did_you_mean(run_rule):
    [p] = run_rule("dangling-reference",
                   {"schemes/extra.yaml": SCHEME.format(work="ouyang2022trainng")}, full=True)
    assert (p.file, p.line, p.column) == ("schemes/extra.yaml", 8, 17)
    assert "did you mean ouyang2022training" in p.message


def test_wrong_kind_is_reported(run_rule):
    [p] = run_rule("dangling-reference",
                   {"schemes/extra.yaml": SCHEME.format(work="constitutional-ai")}, full=True)
    assert "is a resource, but a work is expected" in p.message


def test_existing_id_passes(run_rule):
    assert run_rule("dangling-reference",
                    {"schemes/extra.yaml": SCHEME.format(work="ouyang2022training")}) == []
