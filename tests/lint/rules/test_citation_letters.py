"""citation-letters: a scheme's year letters name works, and never give two works one key."""

SCHEME = '''
    id: lettered
    name: A lettered edition
    letters:
      bai2022constitutional: b
{extra}    categories: []
'''
# A second Bai et al., 2022 paper beside the fixture's Constitutional AI.
TRAINING = '''
    id: bai2022training
    title: Training a Helpful and Harmless Assistant
    authors: [Yuntao Bai, Andy Jones]
    et_al: true
    year: 2022
'''


def scheme(extra: str = "") -> str:
    return "\n".join(line[4:] for line in SCHEME.format(extra=extra).splitlines()) + "\n"


def test_letter_for_an_unknown_work_is_reported_at_its_key(run_rule):
    problems = run_rule("citation-letters", {
        "schemes/lettered.yaml": scheme("      bai2022constitutionl: a\n")}, full=True)
    assert [(p.file, p.line, p.column) for p in problems] == [("schemes/lettered.yaml", 5, 3)]
    assert "bai2022constitutional" in problems[0].hint


def test_one_letter_for_two_works_of_one_key(run_rule):
    problems = run_rule("citation-letters", {
        "schemes/lettered.yaml": scheme("      bai2022training: b\n"),
        "works/bai2022training.yaml": TRAINING})
    assert problems == [("schemes/lettered.yaml", 5, 3)]


def test_distinct_letters_pass(run_rule):
    assert run_rule("citation-letters", {
        "schemes/lettered.yaml": scheme("      bai2022training: a\n"),
        "works/bai2022training.yaml": TRAINING}) == []
