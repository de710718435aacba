"""Journey 1: an ambassador at a recruitment event takes an expression of interest on their
phone, and the recruitment team sees it with the event it came from."""

from datetime import timedelta

import pytest
from django.utils import timezone

from recruitment.models import Channel, ExpressionOfInterest
from tests.browser import PHONE, assert_accessible, screenshot, sign_in
from tests.recruitment.factories import AmbassadorFactory, CampaignFactory, ZoneFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_ambassador_captures_an_eoi_at_an_event_on_a_phone(phone_page, ambassador):
    page = phone_page
    today = timezone.localdate()
    AmbassadorFactory(person=ambassador)
    campaign = CampaignFactory(
        name="Perry Barr careers fair", starts_on=today, ends_on=today + timedelta(days=1)
    )
    zone = ZoneFactory(campaign=campaign, name="Main hall")
    sign_in(page, ambassador)
    assert_accessible(page, "ambassador's home page")

    page.goto("/recruitment/take/")
    assert_accessible(page, "quick capture")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    page.get_by_label("Where you are").select_option(label="Perry Barr careers fair: Main hall")
    page.get_by_label("First name").fill("Kemi")
    page.get_by_label("Last name").fill("Adeyemi")
    page.get_by_label("Mobile or phone").fill("07700 900123")
    page.get_by_label("Postcode").fill("b42 1aa")
    page.locator("input[name=consent_to_contact]").tap()
    screenshot(page, "journey-1-quick-capture")
    with page.expect_navigation():
        page.get_by_role("button", name="Save EOI").tap()
    assert_accessible(page, "quick capture, saved")

    assert "Saved: Kemi Adeyemi" in page.get_by_role("status").inner_text()
    # The next person at the same stand: the event is remembered.
    selected = page.get_by_label("Where you are").evaluate("el => el.selectedOptions[0].text")
    assert selected == "Perry Barr careers fair: Main hall"
    eoi = ExpressionOfInterest.objects.get()
    assert (eoi.first_name, eoi.postcode) == ("Kemi", "B42 1AA")
    source = eoi.sources.get()
    assert (source.channel, source.campaign, source.zone) == (Channel.EVENT, campaign, zone)
    assert source.ambassador.person == ambassador and source.captured_by == ambassador
