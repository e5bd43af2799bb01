"""A title with acronyms lower-cased the way BibTeX styles print them.

**What.** Reports title words such as ``Webgpt``, ``Chatgpt``, ``Glm-130b``
or ``Rlhf``: a capitalised word that ends in (or is) a known acronym
(``acronyms`` and ``suffixes`` options), and model sizes such as ``130b``.
The column points at the word.

**Why.** Titles are recorded as published.  Titles copied from a BibTeX
rendering lose their capitals ("Glm-130b: An open bilingual pre-trained
model"), and the knowledge base then misnames the models it is about.

Failing example (``works/nakano2021webgpt.yaml``)::

    id: nakano2021webgpt
    title: "Webgpt: Browser-assisted question-answering with human feedback"
    year: 2021

Passing example::

    id: nakano2021webgpt
    title: "WebGPT: Browser-assisted question-answering with human feedback"
    year: 2021
"""

from __future__ import annotations

import re

from goalmap.lint.problem import Option

ID = "title-case"
LEVEL = "warning"
OPTIONS: dict = {
    "acronyms": Option("str-list", [
        "ai", "qa", "nli", "nlg", "nlu", "sft", "dpo", "ppo", "rl", "hhh", "bert", "roberta",
        "gpt", "glm", "llm", "llms", "rlhf", "nlp"]),
    "suffixes": Option("str-list", ["gpt", "glm", "llm", "llms", "rlhf", "nlp"]),
}

_SIZE = re.compile(r"^\d+(\.\d+)?[bm]$")  # 130b, 350m (not 35k: a count)


def fix(part: str, acronyms: set[str], suffixes: list[str]) -> str | None:
    """The part as it was probably printed, or None when it looks fine."""
    if _SIZE.match(part):
        return part.upper()
    if not (len(part) > 1 and part[0].isupper() and part[1:].islower()):
        return None
    low = part.lower()
    if low in acronyms:
        return part.upper()
    for suffix in suffixes:
        if low.endswith(suffix) and len(low) > len(suffix):
            return part[: -len(suffix)] + suffix.upper()
    return None


def check(ctx):
    acronyms = {a.lower() for a in ctx.options["acronyms"]}
    suffixes = sorted((s.lower() for s in ctx.options["suffixes"]), key=len, reverse=True)
    for _, work_id, work in ctx.entries("work"):
        for word in work.title.split():
            bare = word.strip(".,:;!?()[]\"'")
            parts = bare.split("-")
            fixed = [fix(p, acronyms, suffixes) for p in parts]
            if any(fixed):
                better = "-".join(f or p for f, p in zip(fixed, parts))
                yield ctx.at(work_id, ("title",),
                             f"'{bare}' looks like a lower-cased acronym; write it as "
                             f"published (e.g. '{better}')", word=bare)
