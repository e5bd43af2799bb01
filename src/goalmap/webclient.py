"""The one HTTP client of goalmap: metadata look-ups (``add``) and link checks (``lint --online``).

It is httpx with the manners a good citizen of someone else's server needs:

- a User-Agent naming goalmap and its version;
- a timeout on every request;
- retries with exponential backoff on connection errors, timeouts, 429 and 5xx
  (``Retry-After`` is honoured, up to a cap);
- a pace per host: at most one request per ``pace`` seconds (arXiv asks for
  one every 3 s);
- proxy settings from the environment (``HTTPS_PROXY``, ``HTTP_PROXY``,
  ``NO_PROXY``, ``ALL_PROXY``): httpx's ``trust_env``.

The clock and the sleep are injectable, so tests check the pace and the
backoff without waiting. Nothing here prints; failures are ``RemoteError``
(exit 4) and ``RemoteNotFound`` (exit 1).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from goalmap import __version__
from goalmap.errors import EXIT_PROBLEMS, EXIT_TOOL, GoalmapError

USER_AGENT = f"goalmap/{__version__} (knowledge-base maintenance tool; python-httpx)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0


class RemoteError(GoalmapError):
    """The service could not be reached, or answered with an error (exit 4)."""

    exit_code = EXIT_TOOL


class RemoteNotFound(GoalmapError):
    """The service answered, and has no record of what was asked for (exit 1)."""

    exit_code = EXIT_PROBLEMS


class Client:
    """A small, polite HTTP client (see the module docstring). Use as a context manager."""

    def __init__(self, *, timeout: float = 15.0, retries: int = 2, backoff: float = 1.0,
                 pace: Optional[dict[str, float]] = None,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 transport: Any = None):
        import httpx

        self.retries = max(0, retries)
        self.backoff = backoff
        self.pace = dict(pace or {})
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.http = httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT},
                                 trust_env=True, transport=transport)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ pace
    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        gap = self.pace.get(host, 0.0)
        if gap <= 0:
            return
        with self._lock:
            now = self.clock()
            last = self._last.get(host)
            if last is not None and now - last < gap:
                self.sleep(gap - (now - last))
            self._last[host] = self.clock()

    # --------------------------------------------------------------- request
    def request(self, method: str, url: str, *, params: Optional[dict] = None,
                follow_redirects: bool = True, what: str = "") -> Any:
        """One request, retried; returns the httpx.Response (any status but the retried ones,
        after the last try). Raises RemoteError when no answer came."""
        import httpx

        what = what or url
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            try:
                response = self.http.request(method, url, params=params,
                                             follow_redirects=follow_redirects)
            except httpx.TimeoutException:
                failure = "timed out"
            except httpx.HTTPError as exc:
                failure = _reason(exc)
            else:
                if response.status_code not in RETRY_STATUS or attempt == self.retries:
                    return response
                failure = f"HTTP {response.status_code}"
                wait = _retry_after(response)
                if wait is not None:
                    self.sleep(min(wait, MAX_RETRY_AFTER))
                    continue
            if attempt == self.retries:
                raise RemoteError(f"{what}: {failure} (after {self.retries + 1} tries)",
                                  hint="check the network (and HTTPS_PROXY), or try later")
            self.sleep(self.backoff * (2 ** attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)

    def failed(self, what: str, response: Any) -> RemoteError:
        """The error for a response that is not the answer wanted."""
        tries = f" (after {self.retries + 1} tries)" if response.status_code in RETRY_STATUS \
            else ""
        return RemoteError(f"{what} answered HTTP {response.status_code}{tries}",
                           hint="try again later")


def env_number(name: str, default: float) -> float:
    """A non-negative number from the environment (``GOALMAP_HTTP_BACKOFF=0``)."""
    import os

    from goalmap.errors import UsageError

    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        raise UsageError(f"{name}={value!r} is not a number") from None


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return f"cannot connect ({text})"


def _retry_after(response: Any) -> Optional[float]:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
