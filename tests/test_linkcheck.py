"""`goalmap lint --online` and goalmap.linkcheck against a local server (never the network).

The server serves 200, 301, 404, 500, a slow page, a page that refuses HEAD, a
temporary redirect and a 403; each URL must come out in its class.
"""

from __future__ import annotations

import json
import threading

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Response

from goalmap import linkcheck
from goalmap.cli import app

runner = CliRunner()
RELEASE = threading.Event()


@pytest.fixture
def site(monkeypatch):
    """A threaded local server (the slow page must not hold up the others)."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    server = HTTPServer(threaded=True)
    server.start()
    RELEASE.clear()

    def slow(request):
        RELEASE.wait(5)  # longer than the client's timeout; released at teardown
        return Response("late")

    def head_refused(request):
        return Response("", status=405) if request.method == "HEAD" else Response("fine")

    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": "/ok"})
    server.expect_request("/gone").respond_with_data("no", status=404)
    server.expect_request("/broken").respond_with_data("oops", status=500)
    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/head-refused").respond_with_handler(head_refused)
    server.expect_request("/temporary").respond_with_data(
        "", status=302, headers={"Location": "/ok"})
    server.expect_request("/members").respond_with_data("go away", status=403)
    yield server
    RELEASE.set()
    server.clear()
    server.stop()


def check(site, tmp_path, *paths, **settings):
    settings = {"timeout": 0.5, "retries": 1, "backoff": 0, "concurrency": 4,
                "cache_path": tmp_path / "links.json", **settings}
    return linkcheck.run([site.url_for(p) for p in paths], **settings)


def test_each_url_is_classified(site, tmp_path):
    got = check(site, tmp_path, "/ok", "/moved", "/gone", "/broken", "/slow", "/head-refused",
                "/temporary", "/members")
    outcome = {url.rsplit("/", 1)[1]: (r.outcome, r.status) for url, r in got.items()}
    assert outcome == {
        "ok": ("ok", 200), "moved": ("moved", 301), "gone": ("gone", 404),
        "broken": ("failing", 500), "slow": ("failing", None),
        "head-refused": ("ok", 200), "temporary": ("ok", 200),
        "members": ("unverified", 403)}
    assert got[site.url_for("/moved")].location == site.url_for("/ok")
    assert "timed out" in got[site.url_for("/slow")].detail


def test_a_server_error_is_retried_before_it_counts(site, tmp_path):
    check(site, tmp_path, "/broken", retries=2)
    # HEAD three times, then GET three times
    methods = [r.method for r, _ in site.log if r.path == "/broken"]
    assert methods == ["HEAD"] * 3 + ["GET"] * 3


def test_results_are_cached_per_url_for_the_days_given(site, tmp_path, monkeypatch):
    check(site, tmp_path, "/ok", "/gone")
    asked = len(site.log)
    check(site, tmp_path, "/ok", "/gone")
    assert len(site.log) == asked  # both answered from the cache
    stored = json.loads((tmp_path / "links.json").read_text())
    assert stored[site.url_for("/gone")]["outcome"] == "gone"
    later = linkcheck.now() + 8 * 86400
    monkeypatch.setattr(linkcheck, "now", lambda: later)
    check(site, tmp_path, "/ok", cache_days=7)
    assert len(site.log) == asked + 1  # older than 7 days: asked again
    check(site, tmp_path, "/gone", cache_days=0)
    assert len(site.log) > asked + 1  # 0 days: never reused


def test_a_broken_cache_file_is_ignored(site, tmp_path):
    (tmp_path / "links.json").write_text("{not json")
    assert check(site, tmp_path, "/ok")[site.url_for("/ok")].outcome == "ok"
    (tmp_path / "links.json").write_text(json.dumps({site.url_for("/ok"): {"bogus": 1}}))
    assert check(site, tmp_path, "/ok")[site.url_for("/ok")].outcome == "ok"


# ------------------------------------------------------------------ the CLI
def taxonomy_with_links(mini, site):
    (mini / "works" / "smith2020example.yaml").write_text(
        "id: smith2020example\ntitle: An Example\nauthors: [Jane Smith]\nyear: 2020\n"
        f"url: {site.url_for('/ok')}\nsummary: An example.\nlinks:\n"
        f"  - {{type: code, url: '{site.url_for('/moved')}'}}\n"
        f"  - {{type: data, url: '{site.url_for('/gone')}'}}\n"
        f"  - {{type: project, url: '{site.url_for('/broken')}'}}\n"
        f"  - {{type: demo, url: '{site.url_for('/slow')}'}}\n")
    return mini


def test_lint_online_reports_each_class_at_its_line(site, mini, monkeypatch):
    monkeypatch.setenv("GOALMAP_HTTP_BACKOFF", "0")
    monkeypatch.setenv("GOALMAP_HTTP_RETRIES", "0")
    root = taxonomy_with_links(mini, site)
    result = runner.invoke(app, ["--taxonomy", str(root), "lint", "--online", "--timeout",
                                 "0.5", "--select", "dead-link,moved-link,unverified-link",
                                 "--format", "json", str(root / "works" / "smith2020example.yaml")],
                           env={"GITHUB_ACTIONS": ""})
    problems = json.loads(result.stdout)
    found = sorted((p["line"], p["rule"], p["level"]) for p in problems)
    assert found == [(8, "moved-link", "info"), (9, "dead-link", "warning"),
                     (10, "dead-link", "warning"), (11, "dead-link", "warning")]
    moved = [p for p in problems if p["rule"] == "moved-link"][0]
    assert site.url_for("/ok") in moved["message"]
    assert result.exit_code == 0  # warnings only


def test_lint_without_online_never_asks(site, mini):
    root = taxonomy_with_links(mini, site)
    result = runner.invoke(app, ["--taxonomy", str(root), "lint", "--format", "json"])
    assert not any(p["rule"] in ("dead-link", "moved-link") for p in json.loads(result.stdout))
    assert site.log == []
