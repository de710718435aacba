"""Journey 5: a line manager gives provisional ratings at year end; the moderation panel
confirms one, changes the other with a reason and closes; the colleague then sees their
final rating and the panel's reason."""

import pytest

from performance.models import Phase, Rating, RatingStatus
from tests.browser import assert_accessible, screenshot, sign_in
from tests.performance.factories import make_panel, make_year, set_phase

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REASON = "Evidence of results beyond the objectives: the panel moved it up."


def _go(page, url: str, context: str) -> None:
    page.goto(url)
    assert_accessible(page, context)


def _button(page, locator, context: str) -> None:
    with page.expect_navigation():
        locator.click()
    assert_accessible(page, context)


def _rate(page, person, what: str, how: str) -> None:
    _go(page, f"/performance/team/{person.staff_number}/", "team member")
    page.get_by_label("What rating").select_option(label=what)
    page.get_by_label("How rating").select_option(label=how)
    save = page.get_by_role("button", name="Save provisional rating")
    _button(page, save, "team member, rated")
    assert "Provisional rating saved" in page.get_by_role("status").first.inner_text()


def _panel_moderates(page, panel, colleague, student) -> None:
    _go(page, "/performance/panels/", "panels")
    _go(page, f"/performance/panels/{panel.pk}/", "panel")
    confirm = page.get_by_role("button", name=f"Confirm the rating of {student.get_full_name()}")
    _button(page, confirm, "panel, one confirmed")
    change = page.get_by_role("link", name=f"Change the rating of {colleague.get_full_name()}")
    _button(page, change, "panel decision")
    page.get_by_label("Change the rating").check()
    page.get_by_label("What rating").select_option(label="Achieved")
    page.get_by_label("How rating").select_option(label="Achieved")
    page.get_by_label("Reason for the change").fill(REASON)
    _button(page, page.get_by_role("button", name="Record the decision"), "panel, changed")
    screenshot(page, "journey-5-panel")
    _button(page, page.get_by_role("button", name="Close the panel"), "panel, closed")
    assert "Panel closed: 2 ratings are final" in page.get_by_role("status").first.inner_text()


def test_ratings_are_given_moderated_and_seen(page, manager, colleague, student, moderator):
    year = make_year(Phase.YEAR_END)
    panel = make_panel(year, colleague.department, [moderator])
    sign_in(page, manager)
    assert_accessible(page, "manager's home page")
    _go(page, "/performance/team/", "team")
    _rate(page, colleague, "Partly achieved", "Achieved")
    _rate(page, student, "Achieved", "Achieved")
    _button(page, page.get_by_role("button", name="Sign out"), "signed out")

    set_phase(year, Phase.MODERATION)  # the year moves on to moderation
    sign_in(page, moderator)
    assert_accessible(page, "moderator's home page")
    _panel_moderates(page, panel, colleague, student)
    _button(page, page.get_by_role("button", name="Sign out"), "signed out")

    sign_in(page, colleague)
    _go(page, "/performance/me/", "my year")
    _button(page, page.get_by_role("link", name="See your final rating"), "my final rating")
    seen = page.locator("main").inner_text()
    assert "What (achievement)\nAchieved\n" in seen and REASON in seen
    rating = Rating.objects.get(person=colleague, year=year)
    assert rating.status == RatingStatus.FINAL and rating.final_what.label == "Achieved"
    assert Rating.objects.get(person=student, year=year).status == RatingStatus.FINAL
