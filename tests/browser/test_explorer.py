"""The explorer (``goalmap export html``) in headless Chromium: what a reader sees and does.

Expected values are written by hand from the survey (Figure 2's table in
tests/test_figure2.py, typed from the paper) and from the taxonomy files, never
read back from the page's own data.  Each test saves a screenshot of its view.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest

from goalmap.export import html as html_export
from goalmap.loader import load
from test_diff import REVISED_ADDS, REVISED_DROPS
from test_figure2 import ERRATA, EXPECTED, INCLUDES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
XSS = ROOT / "tests" / "fixtures" / "xss"
OUYANG = "Training language models to follow instructions with human feedback"
REVISED_TOPS = ["Human Instructions (Sec. 2)", "Human Preferences (Sec. 3)",
                "Value Principle (Sec. 4)", "Basic Values (Sec. 2)"]
FIGURE2_TOPS = ["Definition (Sec. 2)", "Evaluation (Sec. 3)"]

VISIBLE_ROWS = """() => Array.from(document.querySelectorAll('#tree li.cite'))
  .filter(li => li.offsetParent !== null)
  .map(li => [li.dataset.cat, li.querySelector('.clabel').textContent])"""
TOPS = """() => Array.from(document.querySelectorAll('#tree > li'))
  .filter(li => !li.hidden).map(li => li.querySelector('.label').textContent)"""
ROWS_OF = """(cid) => Array.from(document.querySelectorAll(`#tree li[data-id="${cid}"] > ul > li.cite`))
  .map(li => ({depth: +li.getAttribute('aria-level') - +li.closest('li.cat').getAttribute('aria-level') - 1,
               label: li.querySelector('.clabel').textContent,
               works: Array.from(li.querySelectorAll('a.key'))
                 .map(a => new URLSearchParams(a.getAttribute('href').slice(1)).get('entry')),
               printed: (li.querySelector('.mark.erratum') || {}).textContent || null}))"""


def clean(opened) -> None:
    """No request but the page itself, no console or script error, no dialog."""
    assert [r for r in opened.requests if r.split("#")[0] != opened.url] == []
    assert opened.errors == []
    assert opened.dialogs == []


def wait_until(page, expression: str, timeout_ms: int = 5000) -> None:
    """Poll ``expression`` from outside the page (Playwright's own polling evaluates a string
    inside the page, which the page's Content-Security-Policy forbids)."""
    for _ in range(timeout_ms // 20):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(20)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def hash_state(page) -> dict:
    return {k: v[0] for k, v in parse_qs(page.evaluate("location.hash").lstrip("#")).items()}


def test_loads_with_no_console_error_and_no_network(open_page, real_page):
    opened = open_page(real_page)
    page = opened.page
    assert page.evaluate(TOPS) == FIGURE2_TOPS
    assert page.title() == "goalmap explorer"
    assert opened.requests == [opened.url]  # the file itself, nothing else
    clean(opened)
    assert open_page.shoot(opened, "explorer").exists()


def test_every_figure2_citation_is_on_the_page(open_page, real_page):
    opened = open_page(real_page)
    for suffix, (label, _, perspective, _, cites) in EXPECTED.items():
        cid = "fig2-" + suffix
        item = opened.page.locator(f'#tree li[data-id="{cid}"]')
        assert item.locator(":scope > .row .label").text_content() == label
        assert item.get_attribute("class").split()[1] == perspective  # colour of its perspective
        rows = opened.page.evaluate(ROWS_OF, cid)
        assert [(r["label"], r["works"]) for r in rows if r["depth"] == 0] == cites, cid
        for r in rows:
            if r["depth"] == 0 and r["label"] in INCLUDES:
                at = rows.index(r)
                subs = rows[at + 1:at + 1 + len(INCLUDES[r["label"]])]
                assert [(s["label"], s["works"]) for s in subs] == INCLUDES[r["label"]]
                assert all(s["depth"] == 1 for s in subs)
        for r in rows:
            printed = ERRATA.get((suffix, r["label"]))
            assert r["printed"] == (f"printed: {printed}" if printed else None), (cid, r)
    total = sum(len(c) for *_, c in EXPECTED.values()) + sum(len(v) for v in INCLUDES.values())
    assert len(opened.page.evaluate(VISIBLE_ROWS)) == total
    row = opened.page.locator('li.cite[data-cat="fig2-def-values-hhh"]').nth(1)
    assert row.locator(".row").text_content() == "Sparrow (Glaese et al., 2022)"
    clean(opened)


def test_search_shows_sparrow_and_folds_the_rest(open_page, real_page):
    opened = open_page(real_page)
    page = opened.page
    page.locator("#search").press_sequentially("sparrow")
    wait_until(page, "location.hash === '#search=sparrow'")
    assert page.evaluate(VISIBLE_ROWS) == [["fig2-def-values-hhh", "Sparrow"],
                                           ["fig2-def-values-intrinsic-values", "Sparrow"]]
    assert page.evaluate(TOPS) == ["Definition (Sec. 2)"]  # Evaluation folded away
    assert not page.locator('li[data-id="fig2-def-instructions"]').is_visible()
    marks = page.locator("#tree mark").all_text_contents()
    assert marks == ["Sparrow", "Sparrow"]
    status = page.locator("#status").text_content()
    assert "2 citations in 2 categories match" in status
    assert "Improving alignment of dialogue agents via targeted human judgements" in status
    open_page.shoot(opened, "explorer-search-sparrow")
    # By author and by arXiv id too; clearing the box brings the whole tree back.
    page.fill("#search", "glaese")
    assert [c for c, _ in page.evaluate(VISIBLE_ROWS)] == ["fig2-def-values-hhh",
                                                           "fig2-def-values-intrinsic-values"]
    page.fill("#search", "2203.02155")
    assert {label for _, label in page.evaluate(VISIBLE_ROWS)} == {"InstructGPT"}
    page.fill("#search", "")
    assert page.evaluate(TOPS) == FIGURE2_TOPS
    assert page.locator("#tree mark").count() == 0
    clean(opened)


def test_clicking_a_work_opens_its_panel_with_links(open_page, real_page):
    opened = open_page(real_page)
    page = opened.page
    row = page.locator('li.cite[data-cat="fig2-def-preferences-human-demonstrations"]').first
    row.locator("a.key").click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert panel.locator("h2").text_content() == OUYANG
    assert hash_state(page) == {"entry": "ouyang2022training"}
    hrefs = panel.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert "https://arxiv.org/abs/2203.02155" in hrefs
    assert ("https://proceedings.neurips.cc/paper_files/paper/2022/file/"
            "b1efde53be364a73914f58805a001731-Paper-Conference.pdf") in hrefs
    # Cited in every scheme, each category a link: Figure 2's two, and the revised tree's.
    cited = panel.locator("a[href*='entry=fig2-'], a[href*='entry=rev-']").all_text_contents()
    assert ("Definition (Sec. 2) › Human Preferences › Human Demonstrations" in cited
            and "Definition (Sec. 2) › Human Preferences › Human Feedback" in cited)
    assert any(c.startswith("Human Preferences (Sec. 3) › ") for c in cited)
    open_page.shoot(opened, "explorer-entry")
    # The revised tree's category link switches the edition and selects the category.
    panel.locator("a[href*='scheme=revised-2024']").first.click()
    assert page.locator("#scheme").input_value() == "revised-2024"
    assert page.evaluate(TOPS) == REVISED_TOPS
    assert page.locator("#tree [aria-selected='true'] .label").count() == 1
    # Clicking a citation row (not its link) opens its work too.
    page.locator("#panel .close").click()
    assert not panel.is_visible()
    page.locator('li.cite .clabel', has_text="Sparrow").first.click()
    assert panel.locator("h2").text_content() == \
        "Improving alignment of dialogue agents via targeted human judgements"
    clean(opened)


def test_scheme_in_the_url_and_back_forward(open_page, real_page):
    opened = open_page(real_page, "#scheme=revised-2024")
    page = opened.page
    assert page.locator("#scheme").input_value() == "revised-2024"
    assert page.evaluate(TOPS) == REVISED_TOPS
    open_page.shoot(opened, "explorer-revised-2024")
    page.select_option("#scheme", "figure2")
    assert page.evaluate(TOPS) == FIGURE2_TOPS
    page.locator("#search").press_sequentially("sparrow")
    page.locator('li.cite .clabel', has_text="Sparrow").first.click()
    wait_until(page, "location.hash === '#search=sparrow&entry=glaese2022improving'")

    def back(expect_hash: str):
        page.go_back()
        wait_until(page, f"location.hash === {expect_hash!r}")

    back("#search=sparrow")
    assert not page.locator("#panel").is_visible()
    assert page.locator("#search").input_value() == "sparrow"
    assert len(page.evaluate(VISIBLE_ROWS)) == 2
    back("")
    assert page.locator("#search").input_value() == ""
    assert page.evaluate(TOPS) == FIGURE2_TOPS
    back("#scheme=revised-2024")
    assert page.evaluate(TOPS) == REVISED_TOPS
    assert page.locator("#scheme").input_value() == "revised-2024"
    page.go_forward()
    wait_until(page, "location.hash === ''")
    assert page.evaluate(TOPS) == FIGURE2_TOPS
    page.go_forward()
    page.go_forward()
    wait_until(page, "location.hash === '#search=sparrow&entry=glaese2022improving'")
    assert page.locator("#panel h2").text_content().startswith("Improving alignment")
    clean(opened)


def test_revised_tree_marks_what_it_added_and_removed(open_page, real_page):
    opened = open_page(real_page, "#scheme=revised-2024")
    page = opened.page
    marked = page.evaluate("""() => Array.from(document.querySelectorAll('#tree li.cite'))
      .filter(li => li.querySelector('.mark.added'))
      .map(li => Array.from(li.querySelectorAll('a.key'))
        .map(a => new URLSearchParams(a.getAttribute('href').slice(1)).get('entry')))""")
    assert all(set(works) & REVISED_ADDS for works in marked)
    assert set().union(*map(set, marked)) >= REVISED_ADDS
    removed = page.locator("#removed li a").evaluate_all(
        "as => as.map(a => new URLSearchParams(a.getAttribute('href').slice(1)).get('entry'))")
    assert set(removed) == REVISED_DROPS
    assert page.locator("#removed").is_visible()
    # The four goal levels replace Figure 2's two perspectives: new top categories.
    tops = page.locator("#tree > li > .row")
    assert [tops.nth(i).locator(".mark.added").count() for i in range(4)] == [1, 1, 1, 1]
    open_page.shoot(opened, "explorer-revised-changes")
    page.select_option("#scheme", "figure2")  # the reference edition marks nothing
    assert page.locator("#tree .mark.added, #tree .mark.moved, #tree .mark.renamed").count() == 0
    assert not page.locator("#removed").is_visible()
    clean(opened)


def test_keyboard_alone_reaches_and_opens_an_entry(open_page, real_page):
    opened = open_page(real_page)
    page = opened.page
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "treeitem":
            break
    focused = "document.activeElement.querySelector('.label, .clabel').textContent"
    assert page.evaluate(focused) == "Definition (Sec. 2)"
    assert page.evaluate("document.activeElement.closest('[role=tree]').id") == "tree"
    outline = page.evaluate("getComputedStyle(document.activeElement.querySelector('.row')).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "Human Instructions"
    page.keyboard.press("ArrowLeft")  # fold it
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "Human Preferences"  # its citations are folded away
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")  # unfold
    page.keyboard.press("ArrowRight")  # to the first child
    assert page.evaluate(focused) == "PromptSource"
    open_page.shoot(opened, "explorer-keyboard-focus")
    page.keyboard.press("Enter")
    assert page.locator("#panel h2").text_content() == (
        "PromptSource: An Integrated Development Environment and Repository for Natural "
        "Language Prompts")
    assert page.evaluate("document.activeElement.id") == "panel-title"
    assert hash_state(page) == {"entry": "bach2022promptsource"}
    open_page.shoot(opened, "explorer-keyboard-entry")
    page.keyboard.press("Escape")  # closes the panel, the focus goes back to the tree
    assert not page.locator("#panel").is_visible()
    assert page.evaluate(focused) == "PromptSource"
    clean(opened)


def test_hostile_text_runs_nothing(open_page, tmp_path):
    path = tmp_path / "xss.html"
    path.write_text(html_export.dumps(load(XSS, use_cache=False)), encoding="utf-8")
    opened = open_page(path)
    page = opened.page
    ran = "() => [window.pwned, document.querySelectorAll('img, svg, iframe, b, style').length]"
    assert page.evaluate(ran) == [None, 1]  # the page's own <style> only
    citation = page.locator("li.cite .clabel").first
    assert citation.text_content() == "</script><script>window.pwned='citation'; alert('citation')</script>"
    assert page.locator("#scheme option").first.text_content() == \
        "</option></select><script>alert('scheme')</script>"
    page.locator("li.cite .clabel").first.click()
    assert page.locator("#panel h2").text_content().startswith("</script><script>window.pwned = 'title'")
    page.locator('li.cat[data-id="xss-def-values"] > .row').press("Enter")
    for view in ("coverage", "tables"):
        page.locator(f"#view-{view}").click()
    page.fill("#search", "<img")
    assert page.evaluate(ran) == [None, 1]
    assert page.locator("#panel a[href^='javascript']").count() == 0
    open_page.shoot(opened, "explorer-hostile")
    clean(opened)


def test_coverage_cells_filter_the_tree_and_tables_show(open_page, real_page):
    opened = open_page(real_page)
    page = opened.page
    page.locator("#view-coverage").click()
    assert page.locator("#coverage-view").is_visible() and not page.locator("#tree").is_visible()
    open_page.shoot(opened, "explorer-coverage")
    button = page.locator("#coverage-view button[data-cell='values|evaluation|benchmark']")
    count = int(button.text_content())
    button.click()
    assert hash_state(page) == {"cell": "values|evaluation|benchmark"}
    rows = page.evaluate(VISIBLE_ROWS)
    assert rows and all(c.startswith("fig2-eval-values") for c, _ in rows)
    assert f"benchmark ({count} resources)" in page.locator("#status").text_content()
    page.locator("#view-tables").click()
    tables = page.locator("#tables-view")
    assert tables.locator("h2").all_text_contents() == ["Table 1", "Figure 5"]
    first = tables.locator("table").first.locator("tbody tr").first
    assert first.locator("th").text_content() == "PromptSource (Bach et al., 2022)"
    assert first.locator("td").all_text_contents() == ["180", "2,085", "ZS", "NLP datasets"]
    fig5 = tables.locator("table").nth(1).locator("tbody tr").first
    assert fig5.locator("td").all_text_contents() == ["✓", "✗", "✗", "✗", "✗"]
    open_page.shoot(opened, "explorer-tables")
    clean(opened)


def test_phone_dark_and_print(open_page, real_page):
    opened = open_page(real_page, "#entry=glaese2022improving", viewport=(390, 844),
                       color_scheme="dark")
    page = opened.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 24, 28)"
    open_page.shoot(opened, "explorer-phone-dark")
    page.emulate_media(media="print", color_scheme="light")
    assert page.evaluate("getComputedStyle(document.querySelector('.controls')).display") == "none"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    open_page.shoot(opened, "explorer-print")
    clean(opened)
