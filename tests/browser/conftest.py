"""Real headless Chromium (Debian's /usr/bin/chromium) driven by `playwright`, against the
real app served by werkzeug on loopback with a SQLite file made by the real migration.
Screenshots go to /tmp/mlquiz-shots/ for a human to look at."""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from web_support import create_teacher, make_app  # noqa: E402

CHROMIUM = os.environ.get("MLQUIZ_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path("/tmp/mlquiz-shots")

from playwright import sync_api  # noqa: E402  (a test dependency: missing is an error, not a skip)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        # CI installs Chromium (.ci/run): there, its absence fails the run instead of hiding tests.
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium (bash .ci/run does it)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    errors = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def live_app(tmp_path):
    """The real app, real clock, CSRF on, served on 127.0.0.1:<free port> in a thread."""
    from werkzeug.serving import make_server

    app = make_app(tmp_path, csrf=True)
    create_teacher(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["BASE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    thread.join(timeout=10)


def focus_by_tab(page, predicate: str, limit: int = 150) -> None:
    """Press Tab until `predicate` (JS on document.activeElement `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()"):
            return
    raise AssertionError(f"never reached an element where {predicate} by pressing Tab")


def eventually(check, describe, seconds: float = 10.0) -> None:
    """Poll `check()` until it is true (the server saves asynchronously from the page)."""
    import time

    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"still not true after {seconds} s: {describe()}")
        time.sleep(0.1)


