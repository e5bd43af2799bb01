"""markdown-it-py reads the Markdown: the headings, anchors, links and tables are right."""

from __future__ import annotations

import re
import unicodedata

import pytest
from markdown_it import MarkdownIt

from goalmap.export import markdown
from goalmap.export.tree import one_line
from goalmap.query import select, walk


def github_slugs(headings: list[str]) -> list[str]:
    """GitHub's anchor rules, written again independently of the exporter."""
    seen: dict[str, int] = {}
    out = []
    for text in headings:
        slug = re.sub(r" ", "-", "".join(
            c for c in text.lower() if c in " -_" or unicodedata.category(c)[0] in "LNM"))
        base = slug
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen[slug] = 0
        out.append(slug)
    return out


def parse(text: str):
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings, links, tables = [], [], 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings.append((int(tok.tag[1]), tokens[i + 1].content and "".join(
                c.content for c in tokens[i + 1].children if c.type in ("text", "code_inline"))))
        if tok.type == "table_open":
            tables += 1
        for child in tok.children or []:
            if child.type == "link_open":
                links.append(child.attrGet("href"))
            assert child.type != "html_inline", child.content
        assert tok.type != "html_block" or tok.content.startswith("<!--"), tok.content
    return headings, links, tables


def check_links(text: str) -> list[tuple[int, str]]:
    headings, links, _ = parse(text)
    slugs = set(github_slugs([h for _, h in headings]))
    for href in links:
        if href.startswith("#"):
            assert href[1:] in slugs, href
        else:
            assert href.startswith(("http://", "https://")), href
    return headings


def test_headings_follow_the_tree(any_kb):
    text = markdown.dumps(any_kb)
    headings = check_links(text)
    tree = select(any_kb)
    expected = [(1, one_line(tree.title)), (2, "Contents")]
    expected += [(min(d + 2, 6), one_line(label)) for d, _, label in walk(any_kb, tree.branches, tree.scheme)]
    assert headings[:len(expected)] == expected
    assert headings[len(expected):][0] == (2, "Tables")


def test_citation_label_and_cite_text(mini_kb):
    text = markdown.dumps(mini_kb)
    assert "- **Constitutional AI** (Bai et al., 2022): *Constitutional AI: Harmlessness from AI " \
           "Feedback* [paper](https://arxiv.org/abs/2212.08073)" in text
    assert "[code](https://github.com/openai/following-instructions-human-feedback)" in text


def test_a_work_appears_once_per_heading(mini_kb):
    text = markdown.dumps(mini_kb)
    section = text.split("### Human Preferences")[1].split("##")[0]
    assert section.count("Ouyang et al., 2022") == 1
    assert "- **InstructGPT**, **Aplaca** (Ouyang et al., 2022): " in section
    assert section.rstrip().endswith(" — printed as “Aplaca (Taori et al., 2023)”")


def test_tables_are_gfm_tables(mini_kb):
    _, _, tables = parse(markdown.dumps(mini_kb))
    assert tables == len(mini_kb.tables)
    assert "| Human Values | ✓ | ✗ |" in markdown.dumps(mini_kb)


def test_root_values_is_just_the_values_branch(mini_kb):
    text = markdown.dumps(mini_kb, root="values")
    headings = check_links(text)
    assert [h for _, h in headings] == [
        "Human Values", "Contents", "Definition › Human Values", "Evaluation › Human Values"]
    assert "InstructGPT" not in text and "Delphi" in text


def test_hostile_text_survives_as_text(hostile_kb):
    text = markdown.dumps(hostile_kb)
    headings = check_links(text)
    names = [h for _, h in headings]
    assert 'Values <b>bold</b> | pipe \\ backslash' in names
    assert "Preferences #1: ### not a heading" in names
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    inline = " ".join(t.content for t in tokens if t.type == "inline")
    plain = " ".join(c.content for t in tokens if t.type == "inline"
                     for c in t.children if c.type == "text")
    assert "100% of | pipes, *stars*, _underscores_, [brackets] ~ and ^carets$ in GPT-4's" in plain
    assert "javascript:" not in text  # a link that is not http(s) is left out
    assert "Row | one [x]" in plain and inline


def test_real_knowledge_base(real_kb):
    check_links(markdown.dumps(real_kb))
    headings = check_links(markdown.dumps(real_kb, root="values"))
    assert [h for d, h in headings if d == 2][1:] == [
        "Definition (Sec. 2) › Human Values", "Evaluation (Sec. 3) › Human Values"]


def test_real_revised_tree_level_includes_sub_levels(real_kb):
    headings = check_links(markdown.dumps(real_kb, scheme="revised-2024", root="values"))
    assert len([h for d, h in headings if d == 2]) > 1  # Contents plus the values branches


# ---------------------------------------------------------------- issue 14 defects
def bullets_under(text: str, heading: str) -> list[str]:
    """The bullet lines of the section whose heading text is ``heading``."""
    section = re.split(r"^#+ " + re.escape(heading) + "$", text, flags=re.M)[1]
    section = re.split(r"^#", section, flags=re.M)[0]
    return [ln for ln in section.splitlines() if ln.lstrip().startswith("- ")]


def test_a_shared_citation_is_listed_under_each_citation_that_includes_it(real_kb):
    """WVS is included by GlobalOpinionQA and by Cultural Values (Figure 2, Human Value
    Surveys): it shows once under each, never twice under the first."""
    lines = bullets_under(markdown.dumps(real_kb), "Human Value Surveys")
    heads = [re.match(r"( *)- \*\*(.+?)\*\*", ln).groups() for ln in lines]
    assert [(len(indent), label) for indent, label in heads] == [
        (0, "GlobalOpinionQA"),
        (2, "World Values Survey (WVS)"),
        (2, "Pew Research Center’s Global Attitudes surveys (GAS)"),
        (0, "Cultural Values"),
        (2, "Hofstede’s Cultural Survey"),
        (2, "World Values Survey (WVS)"),
    ]
    assert not any("**World Values Survey (WVS)**, **World" in ln for ln in lines)


def test_the_intro_under_root_names_its_source_once(real_kb):
    text = markdown.dumps(real_kb, root="values")
    intro = [ln for ln in text.splitlines() if ln.startswith("From ")]
    assert intro == ["From arXiv 2308.12014v2, Figure 2 (page 3)."]


def test_an_erratum_reads_as_label_citation_then_what_was_printed(real_kb):
    lines = bullets_under(markdown.dumps(real_kb), "Human Instructions")
    alpaca = next(ln for ln in lines if ln.startswith("- **Alpaca**"))
    assert alpaca.startswith("- **Alpaca** (Taori et al., 2023): *Stanford Alpaca")
    assert alpaca.endswith(" — printed as “Aplaca (Taori et al., 2023)”")
    assert alpaca.count("(Taori et al., 2023)") == 2  # the citation, and inside the misprint


def test_a_label_that_is_its_citation_is_not_repeated(real_kb):
    text = markdown.dumps(real_kb, scheme="survey-text")
    assert "**Askell et al., 2021** (Askell et al., 2021)" not in text
    assert "- **Askell et al., 2021**: *A General Language Assistant as a Laboratory for " \
           "Alignment*" in text
    assert "- **Touvron et al., 2023a**: *LLaMA: Open and Efficient" in text
    assert "- **HHH** (Askell et al., 2021): *A General Language Assistant" in text


def test_links_are_named_by_what_they_point_at(real_kb):
    text = markdown.dumps(real_kb)
    assert "[website](https://www.pewresearch.org/)" in text
    assert "[paper](https://www.pewresearch.org/)" not in text
    assert "[website](https://www.worldvaluessurvey.org) " \
           "[project](https://www.worldvaluessurvey.org/WVSDocumentationWV7.jsp)" in text
    assert "[paper](https://arxiv.org/abs/2212.08073)" in text  # a paper is still a paper
    # a link's own type names it, all types included (not only paper/code/data/project)
    assert "[checkpoint](https://github.com/bigscience-workshop/t-zero)" in text
    _, links, _ = parse(text)
    assert links  # and every one parses as a link


@pytest.mark.parametrize("level", [1, 2, 3])
def test_heading_level_shifts_every_heading(mini_kb, level):
    text = markdown.dumps(mini_kb, heading_level=level)
    headings, _, _ = parse(text)
    base, _, _ = parse(markdown.dumps(mini_kb))
    assert [(min(d + level - 1, 6), t) for d, t in base] == headings
    assert headings[0] == (level, "Mini figure")


def test_heading_level_out_of_range_is_a_usage_error(mini_kb):
    from goalmap.errors import UsageError

    with pytest.raises(UsageError):
        markdown.dumps(mini_kb, heading_level=7)
