def work(url: str) -> dict:
    return {"works/chung2022scaling.yaml": f'''
        id: chung2022scaling
        title: Scaling instruction-finetuned language models
        year: 2022
        url: {url}
        links:
          - {{type: code, url: "https://github.com/google-research/FLAN?utm_source=x"}}
    '''}


def test_http_and_tracking_parameters_are_reported_at_each_url(run_rule):
    problems = run_rule("url-format", work(
        "http://arxiv.org/pdf/2210.11416.pdf?trk=public_post_comment-text"), full=True)
    assert [(p.line, p.column) for p in problems] == [(4, 6), (6, 23)]
    assert "https" in problems[0].message and "utm_source" in problems[1].message


def test_tracking_parameter_alone(run_rule):
    problems = run_rule("url-format", work("https://arxiv.org/pdf/2210.11416.pdf?trk=x"),
                        full=True)
    assert "'trk'" in problems[0].message


def test_clean_https_passes(run_rule):
    good = {"works/chung2022scaling.yaml": '''
        id: chung2022scaling
        title: Scaling instruction-finetuned language models
        year: 2022
        url: https://arxiv.org/abs/2210.11416
        links: [{type: code, url: "https://github.com/google-research/FLAN?tab=readme"}]
    '''}
    assert run_rule("url-format", good) == []
