"""Journey 6: a benefits analyst corrects a line of a benefit's profile in place (htmx, no
page load) and takes the annual review snapshot, which carries the corrected figure."""

from decimal import Decimal

import pytest
from django.utils import timezone

from programmes.models import BenefitsReview, ProfileLine
from tests.browser import assert_accessible, screenshot, sign_in
from tests.programmes.factories import BenefitFactory, ProfileLineFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _go(page, url: str, context: str) -> None:
    page.goto(url)
    assert_accessible(page, context)


def _edit_a_line_in_place(page, benefit, line) -> None:
    _go(page, f"/programmes/benefits/{benefit.pk}/", "benefit")
    page.locator("#profile").get_by_role("link", name="Edit FY22/23").click()
    row = page.locator(".profile-edit-row")
    row.wait_for()
    assert_accessible(page, "benefit, editing a profile line")
    planned = row.get_by_label("Planned")
    planned.fill("1250.50")
    planned.press("Enter")
    row.wait_for(state="detached")
    assert "1,250.50" in page.locator("#profile").inner_text()
    assert page.url.endswith(f"/programmes/benefits/{benefit.pk}/")  # no page load
    assert ProfileLine.objects.get(pk=line.pk).planned == Decimal("1250.50")


def test_an_analyst_edits_a_profile_line_and_takes_the_annual_review(page, benefits_analyst):
    benefit = BenefitFactory(reference="BEN-E2E")
    line = ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=Decimal("1000"))
    sign_in(page, benefits_analyst)
    assert_accessible(page, "analyst's home page")
    _go(page, "/programmes/", "programmes summary")
    _go(page, "/programmes/benefits/", "benefits register")
    _edit_a_line_in_place(page, benefit, line)

    _go(page, "/programmes/reviews/", "annual reviews")
    page.get_by_label("Position as at").fill(timezone.localdate().isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Take snapshot").click()
    assert_accessible(page, "review snapshot")
    screenshot(page, "journey-6-annual-review")
    assert "Snapshot taken" in page.get_by_role("status").inner_text()
    row = page.get_by_role("row").filter(has_text="BEN-E2E")
    assert "1,250.50" in row.inner_text()
    review = BenefitsReview.objects.get()
    assert review.taken_by == benefits_analyst and review.title == "Annual benefits review"
