import pytest
from django.urls import reverse

from core.navigation import nav_for


def _labels(user):
    return {item.label for item in nav_for(user)}


def test_each_user_sees_only_their_menu_entries(cast):
    colleague_menu = _labels(cast["colleague"])
    assert {"My details", "My performance"} <= colleague_menu
    assert not colleague_menu & {"My team", "Workforce", "Subject access", "Moderation panels"}
    assert _labels(cast["manager"]) >= {"My details", "My team"}
    assert "Workforce" not in _labels(cast["manager"])
    assert "Workforce" in _labels(cast["people_analyst"])
    assert "My team" not in _labels(cast["people_analyst"])


def test_the_rendered_menu_matches(cast, client_for):
    page = client_for(cast["colleague"]).get(reverse("home")).content.decode()
    assert reverse("people:me") in page
    assert reverse("people:team") not in page
    assert reverse("people:workforce") not in page


@pytest.mark.parametrize(
    "role, url_name, status",
    [
        ("colleague", "people:team", 403),
        ("people_analyst", "people:team", 403),
        ("manager", "people:team", 200),
        ("manager", "people:workforce", 403),
        ("welfare_officer", "people:workforce", 403),
        ("people_analyst", "people:workforce", 200),
    ],
)
def test_another_roles_page_is_forbidden(cast, client_for, role, url_name, status):
    assert client_for(cast[role]).get(reverse(url_name)).status_code == status


def test_home_shows_what_is_waiting(cast, client_for):
    response = client_for(cast["manager"]).get(reverse("home"))
    assert response.status_code == 200
    titles = [item.title for item in response.context["work_items"]]
    assert "Your team" in titles
