"""markdown-it-py reads the Markdown: the headings, anchors, links and tables are right."""

from __future__ import annotations

import re
import unicodedata

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
    assert "**InstructGPT**, **Aplaca** (printed as “Aplaca (Taori et al., 2023)”)" in section


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
