"""The quick-capture form in a real browser at a phone's width: it fits, its targets are big
enough for a thumb, and an EOI goes in with a few taps.

Set PEEL_SCREENSHOT_DIR to also save the screenshot kept in docs/screenshots/.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from recruitment.models import Channel, ExpressionOfInterest
from tests.recruitment.factories import AmbassadorFactory

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44  # CSS pixels: WCAG 2.2 target size (enhanced) and common touch guidance

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]


def _session_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


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
    page.click("input[type=submit]")
    page.wait_for_load_state()


def test_an_ambassador_takes_an_eoi_on_a_phone(live_server, ambassador):
    from playwright.sync_api import sync_playwright

    AmbassadorFactory(person=ambassador)
    cookie = _session_cookie(ambassador, live_server)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.add_cookies([cookie])
        page = context.new_page()
        page.goto(live_server.url + reverse("recruitment:quick"))
        sizes = _measure(page)
        if os.environ.get("PEEL_SCREENSHOT_DIR"):
            target = Path(os.environ["PEEL_SCREENSHOT_DIR"]) / "recruitment-quick-capture.png"
            page.screenshot(path=str(target), full_page=True)
        _fill(page)
        saved = page.locator(".alert-success").inner_text()
        browser.close()
    assert sizes["scrollWidth"] <= PHONE["width"]  # nothing to scroll sideways
    assert sizes["smallest"] >= MIN_TARGET and sizes["consent"] >= MIN_TARGET
    assert "Saved: Kemi Adeyemi" in saved
    eoi = ExpressionOfInterest.objects.get()
    assert eoi.sources.get().channel == Channel.AMBASSADOR
