RESOURCE = '''
    id: delphi-model
    name: Delphi model
    kind: model
    aliases: [Delphi]
'''


def test_alias_naming_an_unrelated_entry_is_reported_at_the_alias(run_rule):
    problems = run_rule("alias-clash", {"resources/delphi-model.yaml": RESOURCE})
    assert ("resources/delphi-model.yaml", 4, 11) in problems
    assert ("works/jiang2021delphi.yaml", 8, 11) in problems


def test_work_and_the_resource_it_introduces_may_share_a_name(run_rule):
    good = RESOURCE + "introduced_by: [jiang2021delphi]\n"
    assert run_rule("alias-clash", {"resources/delphi-model.yaml": good}) == []
