"""Browser journeys: Playwright for Python driving Debian's Chromium against the live server.

No browser is downloaded: .ci/run installs Debian's `chromium` when it is missing.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: apt-get install chromium (.ci/run does this).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live server that fails the test on any console error
    (a CSP violation shows up there)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on(
        "console",
        lambda msg: (
            errors.append(f"{msg.text} {msg.location.get('url', '')}")
            if msg.type == "error"
            else None
        ),
    )
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    from django.db import connections

    connections.close_all()
    assert errors == [], f"browser console errors: {errors}"


def sign_in(page, staff_number: str, password: str) -> None:
    """Sign in with the keyboard only, as a screen-reader user would."""
    page.goto("/accounts/login/")
    page.get_by_label("Staff number").fill(staff_number)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def assert_accessible(page, context: str = "") -> list[str]:
    """Run axe-core (WCAG 2.2 A and AA) on the current page: no serious or critical issue."""
    page.evaluate(AXE.read_text() + "\n;0")
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values:
           ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}})"""
    )
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        f"{json.dumps([n['target'] for n in v['nodes']][:3])}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
    assert bad == [], f"accessibility problems on {context or page.url}: {bad}"
    return [v["id"] for v in result["violations"]]
