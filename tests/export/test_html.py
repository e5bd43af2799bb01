"""The explorer page as text: one self-contained file, escaped data, deterministic, cut by
--scheme and --root.  Python's own HTML parser reads the page as a browser's tokenizer
would split it; tests/browser/ runs it in Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalmap.cli import app
from goalmap.export import html as html_export
from goalmap.loader import load

ROOT = Path(__file__).resolve().parents[2]
XSS = ROOT / "tests" / "fixtures" / "xss"
MINI = ROOT / "tests" / "fixtures" / "mini"


class Page(HTMLParser):
    """The elements a browser would see: tags with attributes, and each script's text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self._in: tuple | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = (tag, dict(attrs), [])

    def handle_data(self, data):
        if self._in:
            self._in[2].append(data)

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            kind, attrs, parts = self._in
            if kind == "script":
                self.scripts.append((attrs, "".join(parts)))
            else:
                self.styles.append("".join(parts))
            self._in = None


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def xss_kb():
    return load(XSS, use_cache=False)


def test_script_json_cannot_close_the_script_element():
    data = {"t": "</script><!--x-->&\u2028\u2029", "works": {"a": {"title": "<b>"}, "b": {}}}
    text = html_export.script_json(data)
    assert text == ('{\n"t":"\\u003c/script\\u003e\\u003c!--x--\\u003e\\u0026\\u2028\\u2029",\n'
                    '"works":{\n"a":{"title":"\\u003cb\\u003e"},\n"b":{}\n}\n}')
    assert json.loads(text) == data


def test_hostile_text_stays_data(xss_kb):
    page = html_export.dumps(xss_kb)
    parsed = Page(page)
    # Exactly the page's own two scripts: the data and the code; no tag from the data.
    assert [a.get("type") for a, _ in parsed.scripts] == ["application/json", None]
    assert [t for t, _ in parsed.tags if t in ("img", "svg", "iframe", "b", "option")] == []
    data = json.loads(parsed.scripts[0][1])
    assert data["works"]["evil2024script"]["title"].startswith("</script><script>window.pwned")
    assert data["categories"]["xss-def-values"]["rows"][0][1].startswith("</script><script>")
    # Links keep only http(s) URLs: the javascript: ones are gone.
    assert data["works"]["evil2024script"]["links"] == [
        ["paper", "https://arxiv.org/abs/2401.00001\"><script>alert('arxiv')</script>"],
        ["data", "https://example.org/\"><script>alert('data')</script>"]]


def test_csp_allows_exactly_the_inline_script_and_style(mini_kb):
    parsed = Page(html_export.dumps(mini_kb))
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    rules = dict(r.strip().split(" ", 1) for r in csp.split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == sha256(parsed.scripts[1][1])
    assert rules["style-src"] == sha256(parsed.styles[0])
    # Nothing on the page points outside it.
    for tag, attrs in parsed.tags:
        for key in ("src", "href"):
            assert not attrs.get(key, "").startswith(("http", "//")), (tag, attrs)


def test_deterministic(mini_kb):
    assert html_export.dumps(mini_kb) == html_export.dumps(load(MINI, use_cache=False))


def data_of(page: str) -> dict:
    return json.loads(Page(page).scripts[0][1])


def test_every_scheme_by_default_the_default_first(real_kb):
    data = html_export.page_data(real_kb)
    assert [s["id"] for s in data["schemes"]] == ["figure2", "resource-list", "revised-2024",
                                                  "survey-text"]
    assert data["default"] == "figure2"
    # The entry panel lists where a work is cited, in every scheme.
    cited = data["cited"]["glaese2022improving"]
    assert {data["categories"][c]["scheme"] for c in cited} == {
        "figure2", "revised-2024", "resource-list", "survey-text"}
    assert "fig2-def-values-hhh" in cited and "fig2-def-values-intrinsic-values" in cited


def test_scheme_and_root_cut_the_page(real_kb):
    data = html_export.page_data(real_kb, scheme="REVISED-2024")
    assert [s["id"] for s in data["schemes"]] == ["revised-2024"]
    assert {c["scheme"] for c in data["categories"].values()} == {"revised-2024"}
    values = html_export.page_data(real_kb, scheme="figure2", root="values")
    assert values["schemes"][0]["roots"] == ["fig2-def-values", "fig2-eval-values"]
    assert "fig2-def-instructions" not in values["categories"]
    assert "glaese2022improving" in values["works"]
    assert "ouyang2022training" not in values["works"]  # cited only outside Human Values
    one = html_export.page_data(real_kb, root="fig2-def-values-hhh")
    assert list(one["categories"]) == ["fig2-def-values-hhh"]
    assert [r[1] for r in one["categories"]["fig2-def-values-hhh"]["rows"]] == [
        "HH-RLHF", "Sparrow", "Constitutional AI", "SELF-ALIGN", "PALMS", "BeaverTails"]


def test_coverage_counts_resources_by_level_perspective_and_kind(mini_kb):
    cells = {tuple(c[:3]): c[3] for c in html_export.page_data(mini_kb)["coverage"]["mini"]}
    # mini: Constitutional AI (a method) is cited under Definition > Human Values.
    assert cells == {("values", "definition", "method"): ["constitutional-ai"]}


runner = CliRunner()


def test_cli_writes_and_checks(tmp_path):
    target = tmp_path / "goalmap.html"
    args = ["--taxonomy", str(MINI), "export", "html"]
    assert runner.invoke(app, [*args, "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert runner.invoke(app, [*args, "--check", str(target)]).exit_code == 0
    result = runner.invoke(app, [*args, "--scheme", "nope"])
    assert result.exit_code == 2 and "nope" in result.output + result.stderr


def test_no_third_party_or_remote_code_in_the_assets():
    from importlib import resources

    js = resources.files("goalmap.export.html_assets").joinpath("explorer.js").read_text()
    css = resources.files("goalmap.export.html_assets").joinpath("explorer.css").read_text()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
    assert not re.search(r"https?://", css)
    assert not re.search(r"(fetch|XMLHttpRequest|import\()", js)


def test_a_root_nothing_sits_under_is_a_usage_error(mini):
    (mini / "levels" / "instructions.yaml").write_text(
        "id: instructions\nname: Human Instructions\norder: 1\n"
        "definition: Models follow what they are told to do.\n", encoding="utf-8")
    result = runner.invoke(app, ["--taxonomy", str(mini), "export", "html", "--root", "instructions"])
    assert result.exit_code == 2
    assert "no scheme has categories under 'instructions'" in result.output + result.stderr


@pytest.mark.slow
def test_every_edition_and_their_differences_are_byte_identical_across_hash_seeds():
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "GOALMAP_NO_CACHE": "1"}
        done = subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(ROOT / "taxonomy"),
                               "export", "html"], capture_output=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
