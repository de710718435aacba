"""Shared browser fixtures: Playwright for Python driving Debian's Chromium against the live
test server. No browser is downloaded: .ci/run installs Debian's `chromium` when missing.

One Playwright instance per process, started by the first browser test and kept for the
next. Playwright's sync API runs an event loop in this thread, which would break other
tests (async_to_sync refuses to run beside it), so browser tests run last and the instance
is stopped before any other test would run with it.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

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
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SERIOUS = {"serious", "critical"}
BROWSER_FIXTURES = {"browser", "page", "phone_page"}


class _Chromium:
    """The process's one Playwright instance and browser, started on first use."""

    playwright = None
    browser = None

    @classmethod
    def get(cls):
        if cls.browser is None:
            from playwright.sync_api import sync_playwright

            if not Path(CHROMIUM).exists():
                pytest.fail("Chromium is missing: apt-get install chromium (.ci/run does this).")
            # The ORM calls in browser tests stay synchronous and safe beside the loop.
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            cls.playwright = sync_playwright().start()
            cls.browser = cls.playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
        return cls.browser

    @classmethod
    def stop(cls):
        if cls.playwright is not None:
            cls.browser.close()
            cls.playwright.stop()
            cls.playwright = cls.browser = None
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _uses_browser(item) -> bool:
    return bool(BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(items):
    """Browser tests run last in each process, so the one browser serves them all."""
    items.sort(key=_uses_browser)


def pytest_runtest_setup(item):
    if not _uses_browser(item):
        _Chromium.stop()


def pytest_sessionfinish(session):
    _Chromium.stop()


@pytest.fixture
def browser():
    yield _Chromium.get()
    from django.db import connections

    # The live server's thread and this one opened connections: close them so the test
    # database can be flushed and dropped.
    connections.close_all()


class Tab:
    """A page's own record of where it has been and what axe has checked."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.visited: set[str] = set()
        self.checked: set[str] = set()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("framenavigated", self._navigated)
        self.main_frame = page.main_frame

    def _console(self, msg):
        if msg.type == "error":
            self.errors.append(f"{msg.text} {msg.location.get('url', '')}")

    def _navigated(self, frame):
        if frame == self.main_frame and frame.url.startswith("http"):
            self.visited.add(urlsplit(frame.url).path)


def _open(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    page.tab = Tab(page)
    page.set_default_timeout(30_000)  # a busy CI machine is slow to start the live server
    return context, page


def _finish(context, page):
    context.close()
    tab = page.tab
    assert tab.errors == [], f"browser console errors: {tab.errors}"
    unchecked = sorted(tab.visited - tab.checked)
    assert unchecked == [], f"pages visited without an accessibility check: {unchecked}"


@pytest.fixture
def page(browser, live_server):
    """A desktop browser tab on the live server. The test fails on any console error (a CSP
    violation shows up there) and on any page visited without `assert_accessible`."""
    context, tab = _open(browser, live_server, viewport=DESKTOP)
    yield tab
    _finish(context, tab)


@pytest.fixture
def phone_page(browser, live_server):
    """As `page`, on a 390x844 phone with touch."""
    context, tab = _open(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield tab
    _finish(context, tab)


def assert_accessible(page, context: str = "") -> list[str]:
    """Run axe-core (WCAG 2.2 A and AA) on the current page: no serious or critical issue,
    and every table has header cells. Returns the ids of axe's lesser violations."""
    page.evaluate(AXE.read_text() + "\n;0")  # evaluate is not subject to the page's CSP
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        f"{json.dumps([n['target'] for n in v['nodes']][:3])}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
    headless = page.evaluate(
        "[...document.querySelectorAll('main table')].filter(t => !t.querySelector('th')).length"
    )
    if headless:
        bad.append(f"{headless} table(s) without header cells")
    assert bad == [], f"accessibility problems on {context or page.url}: {bad}"
    if hasattr(page, "tab"):
        page.tab.checked.add(urlsplit(page.url).path)
    return [v["id"] for v in result["violations"]]


def screenshot(page, name: str) -> None:
    """Save docs/screenshots/<name>.png when PEEL_SCREENSHOT_DIR is set."""
    folder = os.environ.get("PEEL_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _totp_code(user) -> str:
    """A code from the user's authenticator, as a phone would show it. A code is accepted
    once, so a second sign-in in the same 30 seconds uses the next step's code."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Phone", defaults={"confirmed": True}
    )
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if device.last_t is not None and totp.t() <= device.last_t:
        totp.time = totp.time + device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in(page, user, password: str | None = None) -> None:
    """Sign in with the keyboard only, as a screen-reader user would, passing two-step
    sign-in with an authenticator code when the user's role needs it."""
    from people.mfa import mfa_required
    from tests.conftest import PASSWORD

    staff_number = user if isinstance(user, str) else user.staff_number
    code = None if isinstance(user, str) or not mfa_required(user) else _totp_code(user)
    page.goto("/accounts/login/")
    assert_accessible(page, "sign-in page")
    page.get_by_label("Staff number").fill(staff_number)
    page.get_by_label("Password").fill(password or PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if code:
        assert urlsplit(page.url).path == "/accounts/mfa/", page.url
        assert_accessible(page, "two-step sign-in")
        page.get_by_label("Code").fill(code)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path != "/accounts/mfa/", "the code was refused"


FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== "none";
}"""


def assert_focus_visible(locator) -> None:
    """The focused control shows it: an outline or a focus ring (WCAG 2.4.7)."""
    assert locator.evaluate("el => el === document.activeElement"), "focus is elsewhere"
    assert locator.evaluate(FOCUS_STYLE), "no visible focus indicator"


def press(page, locator) -> None:
    """Move focus to a control, check the focus shows, and press Enter, as a keyboard
    user does."""
    locator.focus()
    assert_focus_visible(locator)
    page.keyboard.press("Enter")
