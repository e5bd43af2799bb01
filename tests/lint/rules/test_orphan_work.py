WORK = {"works/smith2020example.yaml": "id: smith2020example\ntitle: An example nobody cites\n"
        "year: 2020\n"}


def test_uncited_work_is_a_warning_at_its_id(run_rule):
    [p] = run_rule("orphan-work", WORK, full=True)
    assert (p.file, p.line, p.column, p.level) == ("works/smith2020example.yaml", 1, 5, "warning")


def test_work_a_resource_introduces_passes(run_rule):
    files = dict(WORK)
    files["resources/example-bench.yaml"] = ("id: example-bench\nname: ExampleBench\n"
                                             "kind: benchmark\nintroduced_by: [smith2020example]\n")
    assert run_rule("orphan-work", files) == []
