"""Playwright driving Debian's Chromium, as in tests/browser (Playwright's own browser
download does not work here).

One process can run only one synchronous Playwright at a time, and tests/browser keeps its
own open for the whole session. So this ``browser`` borrows that one when it is running
(tests/browser ran first), and otherwise launches one for this module only and closes it,
so that tests/browser can start its own afterwards. Once ``browser`` moves to
tests/conftest.py for every directory, this file can go.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the live server runs in a thread


def _running_browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import Browser

    return next((o for o in gc.get_objects() if isinstance(o, Browser) and o.is_connected()), None)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make browser` installs it")
    running = _running_browser()
    if running is not None:
        yield running
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """``open_page(width, height, javascript=True)`` → a page in a fresh context."""
    contexts = []

    def open_(width: int = 1280, height: int = 800, *, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
