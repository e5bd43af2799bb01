def test_unclosed_quote_is_reported_where_the_parser_stops(run_rule):
    bad = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: "An unclosed quote
        year: 2020
    '''}
    [(file, line, col)] = run_rule("yaml-syntax", bad)
    assert file == "works/smith2020example.yaml" and line >= 2


def test_python_tag_is_refused(run_rule):
    bad = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: !!python/name:os.system
        year: 2020
    '''}
    assert run_rule("yaml-syntax", bad) == [("works/smith2020example.yaml", 2, 8)]


def test_valid_yaml_passes(run_rule):
    good = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: "A closed quote"
        year: 2020
    '''}
    assert run_rule("yaml-syntax", good) == []
