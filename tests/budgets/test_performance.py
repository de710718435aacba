from django.urls import reverse

from tests.factories import UserFactory
from tests.performance.factories import make_panel, make_rating, make_year


def test_panels(cast, client_for, flat):
    moderator = cast["moderator"]
    year = make_year()
    make_panel(year, moderator.department, members=[moderator])
    flat(
        client_for(moderator),
        reverse("performance:panels"),
        lambda n: [
            make_rating(UserFactory(department=moderator.department), year) for _ in range(n)
        ],
    )


def test_a_panel_with_many_ratings(cast, client_for, flat):
    moderator = cast["moderator"]
    year = make_year()
    panel = make_panel(year, moderator.department, members=[moderator])
    flat(
        client_for(moderator),
        reverse("performance:panel", args=[panel.pk]),
        lambda n: [
            make_rating(UserFactory(department=moderator.department), year) for _ in range(n)
        ],
    )


def test_my_team(cast, client_for, flat):
    manager = cast["manager"]
    year = make_year()
    flat(
        client_for(manager),
        reverse("performance:team"),
        lambda n: [
            make_rating(UserFactory(line_manager=manager, department=manager.department), year)
            for _ in range(n)
        ],
    )


def test_my_year(cast, client_for, flat):
    colleague = cast["colleague"]
    year = make_year()
    make_rating(colleague, year)
    flat(
        client_for(colleague),
        reverse("performance:me"),
        lambda n: [
            make_rating(UserFactory(department=colleague.department), year) for _ in range(n)
        ],
    )
