"""`goalmap add arxiv|doi` against a local server that serves recorded responses (tests/recorded).

No test touches the network: the base URLs come from GOALMAP_ARXIV_API and
GOALMAP_CROSSREF_API, and arXiv's pace and the retry backoff are set to 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import TAXONOMY
from typer.testing import CliRunner
from werkzeug import Response

from goalmap.cli import app
from goalmap.lint import lint

RECORDED = Path(__file__).resolve().parents[1] / "recorded"
runner = CliRunner()


@pytest.fixture
def services(httpserver, monkeypatch):
    monkeypatch.setenv("GOALMAP_ARXIV_API", httpserver.url_for("/api/query"))
    monkeypatch.setenv("GOALMAP_CROSSREF_API", httpserver.url_for("/crossref"))
    monkeypatch.setenv("GOALMAP_ARXIV_PACE", "0")
    monkeypatch.setenv("GOALMAP_HTTP_BACKOFF", "0")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    return httpserver


def serve_arxiv(server, ids: str) -> None:
    body = (RECORDED / "arxiv" / f"{ids}.atom").read_bytes()
    server.expect_request("/api/query", query_string={
        "id_list": ids, "max_results": str(len(ids.split(",")))}).respond_with_data(
        body, content_type="application/atom+xml; charset=utf-8")


def serve_crossref(server, doi: str) -> None:
    body = (RECORDED / "crossref" / f"{doi.replace('/', '_')}.json").read_text()
    server.expect_request(f"/crossref/works/{doi}").respond_with_data(
        body, content_type="application/json")


def run(mini, *args):
    return runner.invoke(app, ["--taxonomy", str(mini), *args])


def works(mini) -> list[str]:
    return sorted(p.name for p in (mini / "works").iterdir())


def shipped(work_id: str) -> dict:
    return yaml.safe_load((TAXONOMY / "works" / f"{work_id}.yaml").read_text())


# ------------------------------------------------------------------ arXiv
def test_add_arxiv_writes_the_survey_as_recorded(services, mini):
    serve_arxiv(services, "2308.12014")
    result = run(mini, "add", "arxiv", "2308.12014")
    assert result.exit_code == 0, result.output
    path = mini / "works" / "yao2023instructions.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../docs/schema/work.json\n")
    data = yaml.safe_load(text)
    # The seed's first page: title (arXiv writes its em dash as --), five authors, 2023.
    assert data["title"] == ("From Instructions to Intrinsic Human Values -- A Survey of "
                             "Alignment Goals for Big Models")
    assert data["authors"] == ["Jing Yao", "Xiaoyuan Yi", "Xiting Wang", "Jindong Wang",
                               "Xing Xie"]
    assert data["year"] == 2023 and data["arxiv"] == "2308.12014"
    assert data["url"] == "https://arxiv.org/abs/2308.12014"
    assert data["summary"] == "" and "abstract" not in text
    assert text in result.stdout  # the file is shown
    assert "cs.AI" in result.stderr  # the primary category is reported
    problems = [p for p in lint(mini) if p.file == "works/yao2023instructions.yaml"]
    assert [p for p in problems if p.level == "error"] == []
    assert {p.rule for p in problems} == {"orphan-work", "missing-summary"}


def test_adding_it_again_is_refused_without_a_request(services, mini):
    serve_arxiv(services, "2308.12014")
    assert run(mini, "add", "arxiv", "2308.12014").exit_code == 0
    before = (mini / "works" / "yao2023instructions.yaml").read_bytes()
    requests = len(services.log)
    again = run(mini, "add", "arxiv", "https://arxiv.org/abs/2308.12014v1")
    assert again.exit_code == 1
    assert "yao2023instructions" in again.stderr and "arXiv id" in again.stderr
    assert len(services.log) == requests  # known before asking arXiv
    assert (mini / "works" / "yao2023instructions.yaml").read_bytes() == before


def test_a_duplicate_by_title_is_refused_naming_the_entry(services, mini):
    (mini / "works" / "smith2023direct.yaml").write_text(
        "id: smith2023direct\ntitle: 'Direct Preference Optimization: Your Language Model is "
        "Secretly a Reward Model'\nauthors: [Jane Smith]\nyear: 2023\n"
        "url: https://example.org/dpo\nsummary: A copy under another key.\n")
    serve_arxiv(services, "2305.18290")
    result = run(mini, "add", "arxiv", "2305.18290")
    assert result.exit_code == 1
    assert "smith2023direct" in result.stderr and "title" in result.stderr
    assert "rafailov2023direct.yaml" not in works(mini)


@pytest.mark.parametrize("given", ["2305.18290", "arXiv:2305.18290v1",
                                   "https://arxiv.org/abs/2305.18290",
                                   "https://arxiv.org/pdf/2305.18290v2.pdf"])
def test_add_arxiv_matches_the_knowledge_base_record(services, mini, given):
    """DPO, recorded from taxonomy/works/rafailov2023direct.yaml: the new entry's facts equal
    the shipped one's, and its id is the shipped id (the project's id rule)."""
    serve_arxiv(services, "2305.18290")
    result = run(mini, "add", "arxiv", given)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((mini / "works" / "rafailov2023direct.yaml").read_text())
    want = shipped("rafailov2023direct")
    for key in ("id", "type", "title", "authors", "year", "venue", "arxiv", "url"):
        assert data[key] == want[key], key


def test_two_ids_in_one_request(services, mini):
    serve_arxiv(services, "2305.18290,2212.10560")
    result = run(mini, "add", "arxiv", "2305.18290", "2212.10560", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [r["id"] for r in out["results"]] == ["rafailov2023direct", "wang2022self"]
    assert len(services.log) == 1
    data = yaml.safe_load((mini / "works" / "wang2022self.yaml").read_text())
    assert data["authors"] == shipped("wang2022self")["authors"]  # "Noah A Smith"


def test_dry_run_shows_the_file_and_writes_nothing(services, mini):
    serve_arxiv(services, "2308.12014")
    before = works(mini)
    result = run(mini, "add", "arxiv", "2308.12014", "--dry-run")
    assert result.exit_code == 0
    assert "title: From Instructions" in result.stdout and "would write" in result.stderr
    assert works(mini) == before


def test_an_unknown_id_exits_1_and_writes_nothing(services, mini):
    serve_arxiv(services, "2308.99999")
    before = works(mini)
    result = run(mini, "add", "arxiv", "2308.99999")
    assert result.exit_code == 1
    assert "arXiv has no paper 2308.99999" in result.stderr
    assert works(mini) == before


def test_a_malformed_id_exits_2_without_a_request(services, mini):
    result = run(mini, "add", "arxiv", "not-an-id")
    assert result.exit_code == 2 and "is not an arXiv id" in result.stderr
    assert services.log == []


def test_server_down_exits_4_and_writes_nothing(services, mini, monkeypatch):
    services.stop()  # nothing listens on the port any more
    before = works(mini)
    result = run(mini, "add", "arxiv", "2308.12014")
    assert result.exit_code == 4
    assert "the arXiv API: cannot connect" in result.stderr and "Traceback" not in result.output
    assert works(mini) == before
    services.start()  # the fixture stops it again


def test_server_error_is_retried_then_exits_4(services, mini):
    services.expect_request("/api/query").respond_with_data("oops", status=503)
    before = works(mini)
    result = run(mini, "add", "arxiv", "2308.12014")
    assert result.exit_code == 4
    assert "HTTP 503" in result.stderr and "3 tries" in result.stderr
    assert len(services.log) == 3
    assert works(mini) == before


def test_an_xml_bomb_is_refused(services, mini):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol2;</title></feed>')
    services.expect_request("/api/query").respond_with_data(bomb)
    result = run(mini, "add", "arxiv", "2308.12014")
    assert result.exit_code == 4 and "cannot be read" in result.stderr


def test_requests_name_goalmap_in_the_user_agent(services, mini):
    serve_arxiv(services, "2308.12014")
    run(mini, "add", "arxiv", "2308.12014")
    [(request, _)] = services.log
    assert request.headers["User-Agent"].startswith("goalmap/")


# ---------------------------------------------------------------- Crossref
@pytest.mark.parametrize("doi, work_id", [
    ("10.18653/v1/2022.acl-long.306", "kiesel2022identifying"),
    ("https://doi.org/10.3115/1073083.1073135", "papineni2002bleu")])
def test_add_doi_matches_the_knowledge_base_record(services, mini, doi, work_id):
    bare = doi.replace("https://doi.org/", "")
    serve_crossref(services, bare)
    result = run(mini, "add", "doi", doi)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((mini / "works" / f"{work_id}.yaml").read_text())
    want = shipped(work_id)
    for key in ("id", "type", "title", "authors", "year", "venue", "doi"):
        assert data[key] == want[key], key
    assert data["url"] == f"https://doi.org/{bare}"
    assert not [p for p in lint(mini) if p.level == "error"]


def test_control_characters_from_a_server_never_reach_the_file(services, mini):
    """A hostile record: ESC sequences and a bidi override in the title and an author."""
    message = {"DOI": "10.1234/ctrl", "type": "journal-article",
               "issued": {"date-parts": [[2021]]},
               "title": ["Clean \x1b[2J\x1b]0;pwned\x07Title\u202e"],
               "author": [{"given": "Jane\x1b[31m", "family": "Smith"}]}
    services.expect_request("/crossref/works/10.1234/ctrl").respond_with_json(
        {"status": "ok", "message": message})
    result = run(mini, "add", "doi", "10.1234/ctrl")
    assert result.exit_code == 0, result.output
    text = (mini / "works" / "smith2021clean.yaml").read_text()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    data = yaml.safe_load(text)
    assert data["authors"] == ["Jane [31m Smith"]  # the ESC is gone; the rest is text
    assert "\x1b" not in result.output


def test_an_unknown_doi_exits_1(services, mini):
    services.expect_request("/crossref/works/10.1234/nothing").respond_with_data(
        "Resource not found.", status=404)
    result = run(mini, "add", "doi", "10.1234/nothing")
    assert result.exit_code == 1 and "Crossref has no record" in result.stderr


def test_a_known_doi_is_refused(services, mini):
    (mini / "works" / "papineni2002bleu.yaml").write_text(
        (TAXONOMY / "works" / "papineni2002bleu.yaml").read_text())
    result = run(mini, "add", "doi", "10.3115/1073083.1073135")
    assert result.exit_code == 1 and "papineni2002bleu" in result.stderr
    assert services.log == []


# --------------------------------------------------------------- the client
def test_the_client_keeps_arxivs_pace_without_sleeping_in_tests(services):
    """Two requests to a paced host: the second waits for the rest of the pace."""
    from goalmap.webclient import Client

    services.expect_request("/x").respond_with_data("ok")
    host = services.url_for("/x").split("/")[2]
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    with Client(pace={host: 3.0}, sleep=sleep, clock=lambda: now[0]) as client:
        client.get(services.url_for("/x"))
        now[0] += 1.0
        client.get(services.url_for("/x"))
    assert slept == [2.0]


def test_retries_back_off_exponentially(services):
    """A 500 is tried 4 times (3 retries), waiting 0.5, 1 and 2 s; the last answer is returned."""
    from goalmap.webclient import Client

    services.expect_request("/x").respond_with_handler(lambda r: Response("no", status=500))
    slept = []
    with Client(retries=3, backoff=0.5, sleep=slept.append) as client:
        assert client.get(services.url_for("/x")).status_code == 500
    assert slept == [0.5, 1.0, 2.0] and len(services.log) == 4


def test_retry_after_is_honoured(services):
    from goalmap.webclient import Client

    services.expect_ordered_request("/x").respond_with_data("slow down", status=429,
                                                            headers={"Retry-After": "7"})
    services.expect_ordered_request("/x").respond_with_data("ok")
    slept = []
    with Client(retries=2, backoff=0.5, sleep=slept.append) as client:
        assert client.get(services.url_for("/x")).text == "ok"
    assert slept == [7.0]


def test_the_proxy_comes_from_the_environment(services, monkeypatch):
    """HTTP_PROXY names our local server: a request for another host goes through it."""
    from goalmap.webclient import Client

    services.expect_request("/paper").respond_with_data("via proxy")
    monkeypatch.setenv("HTTP_PROXY", services.url_for("/").rstrip("/"))
    with Client(retries=0) as client:
        response = client.get("http://papers.invalid/paper")
    assert response.text == "via proxy"
    assert services.log[0][0].host == "papers.invalid"
