"""A link that is not a clean https URL.

**What.** Every ``url`` (of works, resources and their ``links``) must be an
absolute ``https://`` URL with a host and no spaces, and must not carry
tracking parameters (``utm_*``, ``fbclid``, ``trk``, ``mc_cid``, ``mc_eid``;
the ``tracking`` option lists them).

**Why.** Plain http links are downgraded or blocked; tracking parameters leak
where a link was copied from (the authors' list links the FLAN paper as
``2210.11416.pdf?trk=public_post_comment-text``) and make equal links look
different.

Failing example (``works/chung2022scaling.yaml``)::

    id: chung2022scaling
    title: Scaling instruction-finetuned language models
    year: 2022
    url: http://arxiv.org/pdf/2210.11416.pdf?trk=public_post_comment-text

Passing example::

    id: chung2022scaling
    title: Scaling instruction-finetuned language models
    year: 2022
    url: https://arxiv.org/abs/2210.11416
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from goalmap.lint.problem import Option

ID = "url-format"
LEVEL = "error"
OPTIONS: dict = {
    "tracking": Option("str-list", ["utm_*", "fbclid", "gclid", "trk", "mc_cid", "mc_eid"]),
}


def urls(entry):
    """(field path, url) of an entry's url and links."""
    if getattr(entry, "url", None):
        yield ("url",), entry.url
    for i, link in enumerate(getattr(entry, "links", ())):
        yield ("links", i, "url"), link.url


def problem_with(url: str, tracking: list[str]) -> str | None:
    if url != url.strip() or any(c.isspace() for c in url):
        return "a URL has no spaces"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"it cannot be read as a URL ({exc})"
    if parts.scheme == "http":
        return "use https"
    if parts.scheme != "https" or not parts.netloc:
        return "expected an absolute https:// URL"
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        low = name.lower()
        for pattern in tracking:
            if low == pattern or (pattern.endswith("*") and low.startswith(pattern[:-1])):
                return f"remove the tracking parameter '{name}'"
    return None


def check(ctx):
    tracking = [t.lower() for t in ctx.options["tracking"]]
    for _, entry_id, entry in ctx.entries("work", "resource"):
        for path, url in urls(entry):
            why = problem_with(url, tracking)
            if why:
                yield ctx.at(entry_id, path, f"bad URL '{url}': {why}")
