"""Every work as a BibTeX entry keyed by its id.

Entry types: ``article``, ``inproceedings``, ``book``, ``techreport`` and
``misc`` (preprints carry ``eprint`` and ``archiveprefix = {arXiv}``).  Text
stays UTF-8 (biber, bibtex8 and LaTeX with inputenc read it); LaTeX's special
characters are escaped, and acronyms and mixed-case words in titles are braced
so that bibliography styles keep their case.
"""

from __future__ import annotations

from typing import Optional

from goalmap.export.tree import one_line
from goalmap.kb import KnowledgeBase
from goalmap.query import scope_works

_LATEX = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
ENTRY_TYPE = {
    "article": "article", "inproceedings": "inproceedings", "book": "book",
    "report": "techreport", "preprint": "misc", "misc": "misc", "web": "misc",
}


def latex(text: str) -> str:
    """``text`` with LaTeX's special characters escaped, on one line."""
    return "".join(_LATEX.get(ch, ch) for ch in one_line(text))


def keeps_case(word: str) -> bool:
    """An acronym or mixed-case word (AI, GPT-4, InstructGPT, LLaMA, T5): a capital
    after the first letter, or a capital with a digit."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    upper_later = any(c.isupper() for c in letters[1:])
    return upper_later or (letters[0].isupper() and any(c.isdigit() for c in word))


def protect(title: str) -> str:
    """Escape a title and brace the words whose case a style must not change."""
    words = []
    for word in one_line(title).split(" "):
        core = word.rstrip(".,:;!?")
        if keeps_case(core):
            words.append("{" + latex(core) + "}" + latex(word[len(core):]))
        else:
            words.append(latex(word))
    return " ".join(words)


def authors(work) -> Optional[str]:
    if work.authors:
        names = [latex(a) for a in work.authors] + (["others"] if work.et_al else [])
        return " and ".join(names)
    if work.organization:
        return "{" + latex(work.organization) + "}"  # a corporate author is one name
    return None


def fields(work) -> list[tuple[str, str]]:
    kind = ENTRY_TYPE[work.type]
    out = [("title", protect(work.title))]
    who = authors(work)
    if who:
        out.append(("author", who))
    out.append(("year", str(work.year)))
    venue = latex(work.venue) if work.venue else None
    if kind == "article" and venue:
        out.append(("journal", venue))
    elif kind == "inproceedings" and venue:
        out.append(("booktitle", venue))
    elif kind == "techreport":
        out.append(("institution", latex(work.organization or work.venue or "")))
    elif kind == "book" and (work.organization or venue):
        out.append(("publisher", latex(work.organization or work.venue or "")))
    elif kind == "misc" and venue and not work.arxiv:
        out.append(("howpublished", venue))
    if work.organization and work.authors:
        out.append(("organization", latex(work.organization)))
    if work.arxiv:
        out += [("eprint", _url(work.arxiv)), ("archiveprefix", "arXiv")]
    if work.doi:
        out.append(("doi", _url(work.doi)))
    if work.url:
        out.append(("url", _url(work.url)))
    return out


def _url(url: str) -> str:
    """URLs are read verbatim by \\url; only braces and spaces would break the entry."""
    return one_line(url).replace(" ", "%20").replace("{", "%7B").replace("}", "%7D")


def entry(work) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields(work))
    return f"@{ENTRY_TYPE[work.type]}{{{work.id},\n{body}\n}}\n"


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    """The works the scheme (default: Figure 2) or --root cites, in id order; every
    work with ``scheme="all"``."""
    ids = scope_works(kb, scheme, root)
    return "\n".join(entry(kb.works[w]) for w in ids)
