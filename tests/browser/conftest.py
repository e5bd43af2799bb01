"""A real browser for the explorer tests: Debian's Chromium, headless, driven by Playwright.

The tests are skipped (with the reason) only when Chromium is absent (``.ci/run``
installs it with apt); Playwright comes with the test extra, and its absence fails
them.  Every page is opened from ``file://`` with every request recorded and any
request for something other than the page itself aborted, so a test can prove the
page asked the network for nothing.  Screenshots go to
``$GOALMAP_SCREENSHOTS`` (default: a folder in pytest's temporary directory, printed
at the end of the run).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from goalmap.export import html as html_export
from goalmap.loader import load

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

try:
    import playwright.sync_api as _pw
except ImportError:  # pragma: no cover - the test extra installs it
    _pw = None

def pytest_collection_modifyitems(config, items):
    reason = None
    if CHROMIUM is None:
        reason = "Chromium is not installed (apt-get install chromium; .ci/run does it)"
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.slow)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    if _pw is None:  # part of the test extra: missing means a broken install, not a skip
        pytest.fail("Playwright for Python is not installed: pip install -e '.[test]'")
    with _pw.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("GOALMAP_SCREENSHOTS") or tmp_path_factory.mktemp("explorer-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def real_page(tmp_path_factory) -> Path:
    """The explorer of the real knowledge base, written once per run."""
    path = tmp_path_factory.mktemp("explorer") / "goalmap.html"
    path.write_text(html_export.dumps(load(ROOT / "taxonomy", use_cache=False)), encoding="utf-8")
    return path


@dataclass
class Opened:
    """A page and everything it did: requests, console errors, script errors, dialogs."""

    page: object
    url: str
    requests: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)


@pytest.fixture
def open_page(browser, screenshots, request):
    contexts = []

    def opener(path: Path, hash: str = "", viewport=(1280, 900), **context_opts) -> Opened:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                      **context_opts)
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        opened = Opened(page, url)

        def on_route(route):
            if route.request.url.split("#")[0] != url:
                route.abort()
            else:
                route.continue_()

        context.route("**/*", on_route)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(
            f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.errors.append(f"page error: {e}"))

        def on_dialog(d):
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url + hash)
        for _ in range(500):  # polled from outside: the page's CSP forbids string evaluation
            if page.evaluate("!!(window.goalmapTiming && window.goalmapTiming.rendered)"):
                break
            page.wait_for_timeout(20)
        return opened

    def shoot(opened: Opened, name: str) -> Path:
        target = screenshots / f"{name}.png"
        opened.page.screenshot(path=str(target))
        return target

    opener.shoot = shoot
    yield opener
    for c in contexts:
        c.close()


def pytest_terminal_summary(terminalreporter, config):
    folder = os.environ.get("GOALMAP_SCREENSHOTS")
    base = config._tmp_path_factory.getbasetemp() if hasattr(config, "_tmp_path_factory") else None
    shots = sorted(Path(folder).glob("*.png")) if folder else (
        sorted(Path(base).glob("explorer-screenshots*/*.png")) if base else [])
    if shots:
        terminalreporter.write_line(f"explorer screenshots: {shots[0].parent}")
