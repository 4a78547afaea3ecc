"""Playwright fixtures for every app's browser tests (mark them ``pytest.mark.browser``).

Debian's Chromium at /usr/bin/chromium is driven through Playwright's sync API against
pytest-django's ``live_server``; no browser is ever downloaded. Each test's last screen is
kept in test-artifacts/browser/. Use with ``pytest.mark.django_db(transaction=True)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Chromium not found at /usr/bin/chromium: run `make test` (installs the Debian "
            "package `chromium`) or `apt-get install chromium`"
        )
    # Playwright's sync API runs an event loop in this thread; Django's ORM would refuse
    # database access from it without this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser tab (own cookies); its final screen is saved as a test artifact."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in request.node.nodeid)
    page.screenshot(path=str(ARTIFACTS / f"{name.strip('-')}.png"), full_page=True)
    context.close()


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Log in through the login form and wait for the home page."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")
