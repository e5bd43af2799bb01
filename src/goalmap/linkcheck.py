"""Check that URLs still resolve: the library behind ``goalmap lint --online``.

Each URL is asked with HEAD, and with GET when HEAD is refused or fails
(many servers answer HEAD with 403, 404 or 405). Requests run in a bounded
thread pool through the one HTTP client (``goalmap.webclient``: timeouts,
retries with backoff on timeouts, 429 and 5xx, proxies from the environment).

A result is one of:

- ``ok``: 2xx, or a temporary redirect to a page that answers 2xx;
- ``moved``: a permanent redirect (301, 308), with the new URL;
- ``gone``: 404 or 410;
- ``failing``: 5xx or a timeout or no connection, after the retries;
- ``unverified``: any other answer (401, 403, 429: the site refuses robots).

Results are cached per URL in ``<goalmap cache dir>/links.json`` for a
configurable number of days; a broken or foreign cache file is ignored.
Nothing here prints.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import urljoin

CACHE_NAME = "links.json"
PERMANENT = frozenset({301, 308})
GONE = frozenset({404, 410})
HEAD_REFUSED = frozenset({400, 403, 404, 405, 406, 429, 500, 501})


@dataclass
class LinkResult:
    url: str
    outcome: str  # ok, moved, gone, failing, unverified
    status: Optional[int] = None
    detail: str = ""
    location: Optional[str] = None
    checked: float = 0.0


def now() -> float:
    """The wall clock (a function, so tests can move it)."""
    return time.time()


def check_url(client: Any, url: str) -> LinkResult:
    """HEAD, then GET when HEAD does not give a clear answer; classify the result."""
    from goalmap.webclient import RemoteError

    try:
        response = client.request("HEAD", url, follow_redirects=False, what=url)
        if response.status_code in HEAD_REFUSED or response.status_code >= 500:
            response = client.request("GET", url, follow_redirects=False, what=url)
    except RemoteError as exc:
        return LinkResult(url, "failing", None, exc.message.replace(f"{url}: ", ""),
                          checked=now())
    status = response.status_code
    if status in PERMANENT:
        location = urljoin(url, response.headers.get("Location", ""))
        return LinkResult(url, "moved", status, f"moved permanently (HTTP {status})",
                          location, now())
    if 300 <= status < 400:  # temporary: the page it leads to is what counts
        try:
            final = client.request("GET", url, follow_redirects=True, what=url)
        except RemoteError as exc:
            return LinkResult(url, "failing", None, exc.message.replace(f"{url}: ", ""),
                              checked=now())
        return _classify(url, final.status_code)
    return _classify(url, status)


def _classify(url: str, status: int) -> LinkResult:
    if 200 <= status < 300:
        return LinkResult(url, "ok", status, checked=now())
    if status in GONE:
        return LinkResult(url, "gone", status, f"HTTP {status}", checked=now())
    if status >= 500:
        return LinkResult(url, "failing", status, f"HTTP {status}", checked=now())
    return LinkResult(url, "unverified", status, f"HTTP {status}", checked=now())


# -------------------------------------------------------------------- cache
class LinkCache:
    """url -> LinkResult, kept for ``days`` (0: never reused, but still written)."""

    def __init__(self, path: Optional[Path], days: float):
        self.path = path
        self.days = days
        self.entries: dict[str, dict] = {}
        if path is not None:
            self.entries = _read_cache(path)

    def get(self, url: str) -> Optional[LinkResult]:
        raw = self.entries.get(url)
        if raw is None or self.days <= 0:
            return None
        try:
            result = LinkResult(**raw)
        except TypeError:
            return None
        if not isinstance(result.checked, (int, float)) or \
                now() - result.checked > self.days * 86400 or result.checked > now() + 60:
            return None
        return result

    def put(self, result: LinkResult) -> None:
        self.entries[result.url] = asdict(result)

    def save(self) -> None:
        if self.path is None:
            return
        from goalmap.errors import OutputError
        from goalmap.fsutil import write_atomic

        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(self.entries, sort_keys=True, indent=0))
        except (OSError, OutputError):
            pass  # a cache that cannot be written is only slower next time


def _read_cache(path: Path) -> dict[str, dict]:
    """The cache's entries, or nothing when it is missing, broken, or not the user's own."""
    try:
        info = path.stat()
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return {}
        if info.st_size > 50 * 1024 * 1024:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def default_cache_path() -> Path:
    from goalmap.cache import cache_dir

    return cache_dir() / CACHE_NAME


# -------------------------------------------------------------------- check
def check_urls(urls: Iterable[str], *, client: Any, concurrency: int = 8,
               cache: Optional[LinkCache] = None) -> dict[str, LinkResult]:
    """Every distinct URL checked once (or answered by the cache), at most ``concurrency``
    at a time."""
    unique = sorted(set(urls))
    results: dict[str, LinkResult] = {}
    todo = []
    for url in unique:
        cached = cache.get(url) if cache else None
        if cached is not None:
            results[url] = cached
        else:
            todo.append(url)
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(todo)))) as pool:
            for result in pool.map(lambda u: check_url(client, u), todo):
                results[result.url] = result
                if cache is not None:
                    cache.put(result)
    if cache is not None and todo:
        cache.save()
    return results


def run(urls: Iterable[str], *, timeout: float = 10.0, retries: int = 2,
        backoff: float = 1.0, concurrency: int = 8, cache_days: float = 7.0,
        cache_path: Optional[Path] = None) -> dict[str, LinkResult]:
    """Check ``urls`` with a fresh client and the on-disk cache."""
    from goalmap.webclient import Client

    cache = LinkCache(cache_path or default_cache_path(), cache_days)
    with Client(timeout=timeout, retries=retries, backoff=backoff) as client:
        return check_urls(urls, client=client, concurrency=concurrency, cache=cache)
