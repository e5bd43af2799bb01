"""What the online rules share: every URL of the knowledge base and where it stands, and
the link check's results, computed once per lint run (``goalmap.linkcheck``)."""

from __future__ import annotations

from typing import Iterator


def url_places(ctx) -> Iterator[tuple[str, tuple, str]]:
    """(entry id, field path, url) of every ``url`` and ``links[].url`` of every entry."""
    for _, entry_id, entry in ctx.entries():
        url = getattr(entry, "url", None)
        if url:
            yield entry_id, ("url",), url
        for i, link in enumerate(getattr(entry, "links", ()) or ()):
            if link.url:
                yield entry_id, ("links", i, "url"), link.url


def results(ctx) -> dict:
    """url -> LinkResult for every http(s) URL, checked once per run (cached on disk)."""
    if "links" not in ctx.memo:
        from goalmap import linkcheck

        urls = {u for _, _, u in url_places(ctx) if u.startswith(("http://", "https://"))}
        ctx.memo["links"] = linkcheck.run(urls, **(ctx.online or {}))
    return ctx.memo["links"]


def with_outcome(ctx, *outcomes: str):
    """(entry id, path, result) of each URL place whose result is one of ``outcomes``."""
    found = results(ctx)
    for entry_id, path, url in url_places(ctx):
        result = found.get(url)
        if result is not None and result.outcome in outcomes:
            yield entry_id, path, result
