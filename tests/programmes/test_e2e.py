"""The profile editor in a real browser (Chromium): inline editing with htmx under the
site's CSP, keyboard only, and axe-core finds no serious accessibility problems."""

from decimal import Decimal

import pytest

from programmes.models import ProfileLine
from tests.browser import assert_accessible, sign_in
from tests.programmes.factories import BenefitFactory, ProfileLineFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(page, benefits_analyst):
    sign_in(page, benefits_analyst)
    assert_accessible(page, "home page")
    return page


def test_a_profile_line_is_edited_in_place_with_the_keyboard(browser_page):
    benefit = BenefitFactory(reference="BEN-E2E")
    line = ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=Decimal("1000"))
    page = browser_page
    page.goto(f"/programmes/benefits/{benefit.pk}/")
    assert_accessible(page)
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


def test_the_summary_page_has_no_serious_accessibility_problems(browser_page):
    browser_page.goto("/programmes/")
    assert_accessible(browser_page)
