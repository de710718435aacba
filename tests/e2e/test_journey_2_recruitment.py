"""Journey 2: a recruitment officer merges a duplicate EOI, works the EOI through the
pipeline's stages to an intake, and records the day the candidate starts."""

import pytest

from people.models import EntryRoute, User
from recruitment.models import Candidate, ExpressionOfInterest
from tests.browser import assert_accessible, screenshot, sign_in
from tests.recruitment.factories import EOIFactory, IntakeFactory, StageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _form(page, button: str):
    button_locator = page.get_by_role("button", name=button, exact=True)
    return page.locator("form", has=button_locator), button_locator


def _submit(page, button: str, context: str, **choices) -> None:
    """Fill a form found by its button (labels to values), submit it, check the result."""
    form, button_locator = _form(page, button)
    for label, value in choices.items():
        control = form.get_by_label(label.replace("_", " "))
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    with page.expect_navigation():
        button_locator.click()
    assert_accessible(page, context)


def _setup():
    for order, (name, scored) in enumerate(
        [("Online sift", True), ("Assessment centre", True), ("Vetting", False)], start=1
    ):
        StageFactory(route=EntryRoute.PCDA, name=name, order=order, scored=scored)
    intake = IntakeFactory(name="PCDA September 2026")
    keep = EOIFactory(first_name="Amir", last_name="Shah", email="amir@example.com")
    duplicate = EOIFactory(first_name="Amir", last_name="Shah", email="amir@example.com")
    return keep, duplicate, intake


def _stages(page) -> None:
    stages = [("1. Online sift", "72"), ("2. Assessment centre", "65"), ("3. Vetting", "")]
    for stage, score in stages:
        values = {"Stage": f"PCDA {stage}", "Result": "Pass"}
        if score:
            values["Score"] = score
        _submit(page, "Save result", f"candidate after {stage}", **values)
        assert page.get_by_role("cell", name=stage[3:], exact=True).is_visible()


def test_an_officer_merges_a_duplicate_and_takes_an_eoi_to_a_start(page, recruitment_officer):
    keep, duplicate, intake = _setup()
    sign_in(page, recruitment_officer)
    assert_accessible(page, "home page")
    page.goto("/recruitment/eois/")
    assert_accessible(page, "EOI list")
    page.goto(f"/recruitment/eois/{keep.pk}/")
    assert_accessible(page, "EOI")
    assert page.get_by_role("heading", name="Possible duplicates").is_visible()
    form, _ = _form(page, "Merge into this EOI")
    form.get_by_label("Merge this EOI in").select_option(str(duplicate.pk))
    _submit(page, "Merge into this EOI", "EOI after merge")
    assert "Merged" in page.get_by_role("status").first.inner_text()
    assert ExpressionOfInterest.objects.get(pk=duplicate.pk).merged_into_id == keep.pk

    _submit(page, "Save", "EOI, contacted", Status="Contacted")
    assert ExpressionOfInterest.objects.get(pk=keep.pk).status == "contacted"
    _submit(page, "Record the application", "candidate", Route="PCDA")
    candidate = Candidate.objects.get(eoi=keep)
    _stages(page)
    _submit(page, "Make a conditional offer", "conditional offer")
    _submit(page, "Make the final offer", "final offer")
    _submit(page, "Place in intake", "placed in intake", Intake=str(intake))
    screenshot(page, "journey-2-candidate")
    _submit(page, "They have started: create their record", "started", Staff_number="S20260901")

    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.STARTED and candidate.intake == intake
    colleague = User.objects.get(staff_number="S20260901")
    assert candidate.colleague == colleague and colleague.entry_route == EntryRoute.PCDA
    assert "Started: staff number S20260901" in page.locator("main").inner_text()
