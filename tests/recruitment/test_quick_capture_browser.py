"""The quick-capture form in a real browser at a phone's width: it fits, its targets are big
enough for a thumb, and an EOI goes in with a few taps.

Set PEEL_SCREENSHOT_DIR to also save the screenshot kept in docs/screenshots/.
"""

import pytest
from django.urls import reverse

from recruitment.models import Channel, ExpressionOfInterest
from tests.browser import PHONE, assert_accessible, screenshot, sign_in
from tests.recruitment.factories import AmbassadorFactory

MIN_TARGET = 44  # CSS pixels: WCAG 2.2 target size (enhanced) and common touch guidance

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _measure(page) -> dict:
    return page.evaluate(
        """() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            smallest: Math.min(...[...document.querySelectorAll(
                '.quick-capture input:not([type=hidden]), .quick-capture select')]
                .filter(el => el.type !== 'checkbox')
                .map(el => el.getBoundingClientRect().height)),
            consent: document.querySelector('.quick-capture .form-check')
                .getBoundingClientRect().height,
        })"""
    )


def _fill(page) -> None:
    page.fill("input[name=first_name]", "Kemi")
    page.fill("input[name=last_name]", "Adeyemi")
    page.fill("input[name=phone]", "07700 900123")
    page.fill("input[name=postcode]", "b42 1aa")
    page.check("input[name=consent_to_contact]")
    with page.expect_navigation():
        page.click("input[type=submit]")


def test_an_ambassador_takes_an_eoi_on_a_phone(phone_page, ambassador):
    page = phone_page
    AmbassadorFactory(person=ambassador)
    sign_in(page, ambassador)
    assert_accessible(page, "home page")
    page.goto(reverse("recruitment:quick"))
    assert_accessible(page, "quick capture")
    sizes = _measure(page)
    screenshot(page, "recruitment-quick-capture")
    _fill(page)
    assert_accessible(page, "quick capture, saved")
    saved = page.locator(".alert-success").inner_text()
    assert sizes["scrollWidth"] <= PHONE["width"]  # nothing to scroll sideways
    assert sizes["smallest"] >= MIN_TARGET and sizes["consent"] >= MIN_TARGET
    assert "Saved: Kemi Adeyemi" in saved
    eoi = ExpressionOfInterest.objects.get()
    assert eoi.sources.get().channel == Channel.AMBASSADOR
