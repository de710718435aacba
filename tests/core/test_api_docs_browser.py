"""The API docs page in headless Chromium: Swagger UI starts under the strict CSP (no inline
script, nothing from another origin) and "Try it out" works with the browser session."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_swagger_ui_runs_under_the_csp(browser, live_server, colleague):
    client = Client()
    client.force_login(colleague)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(CSP_LISTENER)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock", timeout=20_000)
    page.locator(".opblock-summary-path", has_text="/api/v1/me/").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=10_000)
    assert status.inner_text().strip() == "200"
    violations = page.evaluate("window.__csp")
    context.close()
    assert violations == []  # the shared `browser` fixture closes this thread's connections
    assert errors == []
