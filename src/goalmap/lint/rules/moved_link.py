"""A URL that redirects permanently (only with ``goalmap lint --online``).

**What.** A URL whose server answers 301 or 308 is reported with the new
URL it names. Temporary redirects (302, 303, 307) are followed and not
reported when their target answers.

**Why.** Permanent redirects break eventually, and the new address is the
one to record. Info only: the link still works.

Failing example (``works/smith2020example.yaml``; 301 to https://example.org/new)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/old

Passing example (the server answers 200)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/new
"""

from __future__ import annotations

from goalmap.lint.online import with_outcome

ID = "moved-link"
LEVEL = "info"
OPTIONS: dict = {}
ONLINE = True


def check(ctx):
    for entry_id, path, result in with_outcome(ctx, "moved"):
        yield ctx.at(entry_id, path, f"the link {result.url} has moved to {result.location}",
                     hint=f"record the new URL: {result.location}")
