"""A URL that no longer answers (only with ``goalmap lint --online``).

**What.** Every ``url`` and ``links[].url`` is requested (HEAD, then GET when
HEAD is refused), with timeouts and retries. A URL is reported when the
server says the page is gone (404, 410), or when it keeps failing (5xx, a
timeout, no connection) after the retries. Results are cached per URL for a
number of days (``--cache-days``), so a scheduled run does not hammer the
same servers.

**Why.** A curated list is only as good as its links; papers move and
project pages vanish. This rule uses the network, so it runs only when asked
(``--online``), best on a schedule rather than on every pull request
(``CONTRIBUTING.md`` has a CI recipe).

Failing example (``works/smith2020example.yaml``; the server answers 404)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/a-page-that-was-removed

Passing example (the server answers 200)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/
"""

from __future__ import annotations

from goalmap.lint.online import with_outcome

ID = "dead-link"
LEVEL = "warning"
OPTIONS: dict = {}
ONLINE = True


def check(ctx):
    for entry_id, path, result in with_outcome(ctx, "gone", "failing"):
        what = "is gone" if result.outcome == "gone" else "keeps failing"
        yield ctx.at(entry_id, path, f"the link {result.url} {what} ({result.detail})",
                     hint="find where the page moved (or an archived copy) and update it")
