"""Journey 4: a colleague completes their adjustment passport and asks for two adjustments;
their line manager writes section 4.1; an RA officer agrees one adjustment, declines the
other with a reason, and marks the first in place."""

from datetime import date

import pytest

from adjustments.models import Adjustment, Passport
from tests.browser import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SOFTWARE = "Screen reader software on my laptop"
DESK = "A desk by the window"


def _go(page, url: str, context: str) -> None:
    page.goto(url)
    assert_accessible(page, context)


def _follow(page, locator, context: str) -> None:
    with page.expect_navigation():
        locator.click()
    assert_accessible(page, context)


def _button(page, name: str, context: str) -> None:
    _follow(page, page.get_by_role("button", name=name, exact=True), context)


def _link(page, name: str, context: str, row: str | None = None) -> None:
    scope = page.get_by_role("row").filter(has_text=row) if row else page
    _follow(page, scope.get_by_role("link", name=name, exact=True), context)


def _sign_out(page) -> None:
    _button(page, "Sign out", "signed out")


def _colleague_completes_the_passport(page, colleague) -> None:
    sign_in(page, colleague)
    assert_accessible(page, "colleague's home page")
    _go(page, "/adjustments/my-passport/", "new passport")
    page.get_by_label("About me").fill("I am a response officer with sight loss.")
    page.get_by_label("How it affects you at work").fill("Small print and bright screens.")
    _button(page, "Save", "passport")
    _link(page, "Share with my line manager", "share")
    _button(page, "Share with my line manager", "passport, shared")
    for description, kind in [(SOFTWARE, "Software"), (DESK, "Environment")]:
        _link(page, "Ask for an adjustment", "ask for an adjustment")
        page.get_by_label("Description").fill(description)
        page.get_by_label("Kind").select_option(label=kind)
        page.get_by_label("Requested on").fill(date.today().isoformat())
        _button(page, "Save", "passport, adjustment asked for")
    _link(page, "Submit to the RA officers", "submit")
    _button(page, "Submit to the RA officers", "passport, submitted")
    assert "Submitted" in page.get_by_role("status").inner_text()
    _sign_out(page)


def _manager_writes_section_4_1(page, manager, passport) -> None:
    sign_in(page, manager)
    assert_accessible(page, "manager's home page")
    _go(page, "/adjustments/team/", "team passports")
    _go(page, f"/adjustments/passports/{passport.pk}/", "passport, as manager")
    _link(page, "Write section 4.1", "section 4.1")
    page.get_by_label("Section 4.1").fill("Supported: we can fit this on the response team.")
    _button(page, "Write section 4.1", "passport, section 4.1 written")
    _sign_out(page)


def _ra_officer_decides(page, ra_officer, passport) -> None:
    sign_in(page, ra_officer)
    assert_accessible(page, "RA officer's home page")
    _go(page, "/adjustments/", "RA queue")
    _go(page, f"/adjustments/passports/{passport.pk}/", "passport, as RA officer")
    _link(page, "Take this passport", "take")
    _button(page, "Take this passport", "passport, taken")
    _link(page, "Agree", "agree", row=SOFTWARE)
    _button(page, "Agree", "passport, agreed")
    _link(page, "Decline", "decline", row=DESK)
    page.get_by_label("Kind of reason").select_option(label="Operational requirement of the role")
    page.get_by_label("Reason (the colleague will read this)").fill(
        "Response officers hot-desk; a fixed desk cannot be kept."
    )
    _button(page, "Decline", "passport, declined")
    _link(page, "In place", "in place", row=SOFTWARE)
    _button(page, "In place", "passport, in place")


def test_a_passport_is_completed_commented_on_and_decided(page, colleague, manager, ra_officer):
    _colleague_completes_the_passport(page, colleague)
    passport = Passport.objects.get(owner=colleague)
    _manager_writes_section_4_1(page, manager, passport)
    _ra_officer_decides(page, ra_officer, passport)
    screenshot(page, "journey-4-passport")

    adjustments = page.get_by_role("table").first
    assert "Declined: Operational requirement of the role" in adjustments.inner_text()
    passport.refresh_from_db()
    assert passport.section_4_1.startswith("Supported") and passport.section_4_1_by == manager
    software = Adjustment.objects.get(passport=passport, description=SOFTWARE)
    desk = Adjustment.objects.get(passport=passport, description=DESK)
    assert software.status == Adjustment.Status.IN_PLACE and software.in_place_on
    assert desk.status == Adjustment.Status.DECLINED and desk.decline_reason.startswith("Response")
