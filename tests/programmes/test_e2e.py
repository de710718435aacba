"""The profile editor in a real browser (Chromium): inline editing with htmx under the
site's CSP, keyboard only, and axe-core finds no serious accessibility problems."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from programmes.models import ProfileLine
from tests.conftest import PASSWORD
from tests.programmes.factories import BenefitFactory, ProfileLineFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def browser_page(live_server, benefits_analyst):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the ORM runs beside Playwright's loop
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(bypass_csp=True)  # only so that axe can be injected
        page.goto(live_server.url + "/accounts/login/")
        page.fill("input[name=username]", benefits_analyst.staff_number)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        yield page
        browser.close()
        # Inside Playwright's context Django opened a connection of its own: close it.
        connections.close_all()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['nodes'][0]['html'][:80]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_profile_line_is_edited_in_place_with_the_keyboard(live_server, browser_page):
    benefit = BenefitFactory(reference="BEN-E2E")
    line = ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=Decimal("1000"))
    page = browser_page
    page.goto(f"{live_server.url}/programmes/benefits/{benefit.pk}/")
    assert _serious_violations(page) == []
    page.click("#profile a:has-text('Edit')")
    page.wait_for_selector(".profile-edit-row")
    planned = page.locator(".profile-edit-row input").nth(1)
    planned.fill("a lot")
    planned.press("Enter")
    page.wait_for_selector(".profile-edit-row .is-invalid")
    assert "Enter an amount in numbers only" in page.inner_text("#profile")
    page.wait_for_function("document.activeElement.id.endsWith('-planned')")  # cursor on it
    assert ProfileLine.objects.get(pk=line.pk).planned == Decimal("1000")
    page.locator(".profile-edit-row input").nth(1).fill("1250.50")
    page.locator(".profile-edit-row input").nth(1).press("Enter")
    page.wait_for_selector(".profile-edit-row", state="detached")
    assert "1,250.50" in page.inner_text("#profile")
    assert ProfileLine.objects.get(pk=line.pk).planned == Decimal("1250.50")
    assert page.url.endswith(f"/programmes/benefits/{benefit.pk}/")  # no page load


def test_the_summary_page_has_no_serious_accessibility_problems(live_server, browser_page):
    browser_page.goto(f"{live_server.url}/programmes/")
    assert _serious_violations(browser_page) == []
