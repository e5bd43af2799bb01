"""A URL whose server would not say whether the page exists (only with ``--online``).

**What.** A URL answered with a status that is neither success, redirect,
"gone" nor a server error (401, 403, 429 after the retries, ...) is
reported, with the status.

**Why.** Some sites refuse automated requests; such a link may be fine, but
a person should open it once. Info only.

Failing example (``works/smith2020example.yaml``; the server answers 403 to robots)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/members-only

Passing example (the server answers 200)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/
"""

from __future__ import annotations

from goalmap.lint.online import with_outcome

ID = "unverified-link"
LEVEL = "info"
OPTIONS: dict = {}
ONLINE = True


def check(ctx):
    for entry_id, path, result in with_outcome(ctx, "unverified"):
        yield ctx.at(entry_id, path, f"the link {result.url} could not be verified "
                     f"({result.detail})", hint="open it in a browser once")
