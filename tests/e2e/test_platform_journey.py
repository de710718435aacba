"""A colleague signs in and gives their equality information without touching the mouse."""

import pytest

from people.models import User
from tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_colleague_uses_peel_by_keyboard_alone(page, colleague):
    page.goto("/accounts/login/")
    assert_accessible(page, "sign-in page")
    sign_in(page, colleague)
    assert page.get_by_role("heading", name="My work").is_visible()
    assert_accessible(page, "home page")

    page.goto("/people/me/")
    assert_accessible(page, "my details")
    page.get_by_role("link", name="My equality information").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "equality form")

    page.get_by_label("Ethnicity").focus()
    page.get_by_label("Ethnicity").select_option("B_CAR")
    page.get_by_role("button", name="Save my answers").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Your equality information is saved").is_visible()
    assert User.objects.get(pk=colleague.pk).equality.ethnicity == "B_CAR"


def test_focus_is_visible_on_links_and_buttons(page, colleague):
    sign_in(page, colleague)
    assert_accessible(page, "home page")
    page.keyboard.press("Tab")  # the skip link comes first
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none")
