"""Journey 3, done with the keyboard alone: a line manager raises a concern about their
student officer; the welfare officer contacts the student, records the support offered and
closes the case as retained."""

import pytest

from people import services as people_services
from tests.browser import assert_accessible, assert_focus_visible, press, screenshot, sign_in
from welfare.models import Outcome, SupportKind, WelfareCase

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _follow(page, name: str, context: str) -> None:
    """Tab to a link and press Enter."""
    with page.expect_navigation():
        press(page, page.get_by_role("link", name=name, exact=True).first)
    assert_accessible(page, context)


def _type(page, label: str, text: str) -> None:
    page.get_by_label(label).focus()
    assert_focus_visible(page.get_by_label(label))
    page.keyboard.type(text)


def _submit(page, button: str, context: str) -> None:
    with page.expect_navigation():
        press(page, page.get_by_role("button", name=button, exact=True))
    assert_accessible(page, context)


def _sign_out(page) -> None:
    with page.expect_navigation():
        press(page, page.get_by_role("button", name="Sign out"))
    assert_accessible(page, "signed out")


def _manager_raises_a_concern(page, manager, student) -> None:
    sign_in(page, manager)
    assert_accessible(page, "manager's home page")
    _follow(page, "Welfare concerns", "concerns")
    _follow(page, "Raise a concern about a student officer", "concern form")
    page.get_by_label("Student officer").focus()
    page.get_by_label("Student officer").select_option(str(student.pk))
    _type(page, "What have you noticed?", "Quiet and withdrawn since the night shifts began.")
    _submit(page, "Send to the welfare team", "concern raised")
    assert "The welfare team has your concern" in page.get_by_role("status").inner_text()
    _sign_out(page)


def _officer_contacts_and_supports(page, welfare_officer, case) -> None:
    sign_in(page, welfare_officer)
    assert_accessible(page, "welfare officer's home page")
    _follow(page, "Welfare cases", "case list")
    _follow(page, str(case.pk), "case")
    _follow(page, "Contact log", "contact log")
    page.get_by_label("Kind").focus()
    page.get_by_label("Kind").select_option(label="Phone call")
    _type(page, "Summary", "Spoke to them: tired, finding shifts hard, wants to stay.")
    _submit(page, "Add", "contact logged")
    _follow(page, "Case", "case after contact")
    page.get_by_label("Mentoring").focus()
    page.keyboard.press("Space")
    page.get_by_label("Change of posting").focus()
    page.keyboard.press("Space")
    _submit(page, "Save support", "support saved")


def test_a_concern_is_raised_worked_and_closed_as_retained(page, manager, student, welfare_officer):
    # Recruitment opened their probation when they started (journey 2 covers that).
    people_services.probation_start(
        actor=None, officer=student, route=student.entry_route, start_date=student.start_date
    )
    _manager_raises_a_concern(page, manager, student)
    case = WelfareCase.objects.get(officer=student)
    assert case.raised_by == manager and case.is_open

    _officer_contacts_and_supports(page, welfare_officer, case)
    page.get_by_role("combobox", name="Outcome").focus()
    page.get_by_role("combobox", name="Outcome").select_option(label="Retained")
    _type(page, "Closure date", page.get_by_label("Offered on").input_value())
    _type(page, "Notes on the outcome", "Mentor in place; back on days for a month.")
    screenshot(page, "journey-3-welfare-case")
    _submit(page, "Close", "case closed")

    assert "Retained" in page.locator("dl").inner_text()
    case.refresh_from_db()
    assert not case.is_open and case.outcome == Outcome.RETAINED
    assert case.first_contact_on is not None
    kinds = set(case.support.values_list("kind", flat=True))
    assert kinds == {SupportKind.MENTORING, SupportKind.POSTING_CHANGE}
