"""bibtexparser v2 reads the BibTeX; keys, types, titles, authors and years round-trip."""

from __future__ import annotations

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors

from goalmap.export import bibtex
from goalmap.export.tree import one_line


def parse(text: str):
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


def decoded(text: str):
    return bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])


def test_every_work_round_trips(any_kb):
    text = bibtex.dumps(any_kb)
    library = parse(text)
    entries = {e.key: e for e in decoded(text).entries}
    assert sorted(entries) == sorted(any_kb.works)
    for key, work in any_kb.works.items():
        entry = entries[key]
        # LaTeX reads "--" as an en dash, and pylatexenc decodes \textasciicircum as U+02C6
        title = entry.fields_dict["title"].value.replace("{", "").replace("}", "").replace(
            "\u2013", "--").replace("\u02c6", "^")
        assert title == one_line(work.title).replace("{", "").replace("}", "")
        assert entry.fields_dict["year"].value == str(work.year)
        if work.authors:
            names = entry.fields_dict["author"].value
            assert names == [one_line(a) for a in work.authors] + (["others"] if work.et_al else [])
    assert len(library.entries) == len(any_kb.works)


def test_entry_types_and_arxiv(mini_kb):
    entries = {e.key: e for e in parse(bibtex.dumps(mini_kb)).entries}
    assert entries["ouyang2022training"].entry_type == "inproceedings"
    assert entries["ouyang2022training"].fields_dict["booktitle"].value == "NeurIPS"
    preprint = entries["bai2022constitutional"]
    assert preprint.entry_type == "misc"
    assert preprint.fields_dict["eprint"].value == "2212.08073"
    assert preprint.fields_dict["archiveprefix"].value == "arXiv"


def test_latex_escapes_and_acronyms(hostile_kb):
    text = bibtex.dumps(hostile_kb)
    assert r"100\% of | pipes" in text and r"\#Hash \& \$Money" in text
    assert r"{GPT-4's}" in text and r"{OpenAssistant}" in text
    assert r"C:\textbackslash{}path" in text
    assert "Andreas Köpf" in text
    entries = {e.key: e for e in parse(text).entries}
    assert entries["ngo2021line"].entry_type == "techreport"
    assert entries["kopf2023open"].entry_type == "article"


def test_root_limits_to_cited_works(mini_kb):
    keys = [e.key for e in parse(bibtex.dumps(mini_kb, root="preferences")).entries]
    assert keys == ["ouyang2022training"]


def test_protection():
    assert bibtex.protect("Constitutional AI: Harmlessness from AI Feedback") == \
        "Constitutional {AI}: Harmlessness from {AI} Feedback"
    assert bibtex.protect("LLaMA and T5 beat GPT-3.5.") == "{LLaMA} and {T5} beat {GPT-3.5}."


def test_real_knowledge_base_parses(real_kb):
    library = parse(bibtex.dumps(real_kb, scheme="all"))
    assert sorted(e.key for e in library.entries) == sorted(real_kb.works)
