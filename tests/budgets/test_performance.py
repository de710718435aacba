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


def _ratings_in(department, year):
    return lambda n: [make_rating(UserFactory(department=department), year) for _ in range(n)]


def test_a_team_member(cast, client_for, flat):
    manager = cast["manager"]
    year = make_year()
    make_rating(cast["colleague"], year)
    flat(
        client_for(manager),
        reverse("performance:team-member", args=[cast["colleague"].staff_number]),
        lambda n: [
            make_rating(UserFactory(line_manager=manager, department=manager.department), year)
            for _ in range(n)
        ],
    )


def test_a_panel_s_fairness(cast, client_for, flat):
    moderator = cast["moderator"]
    year = make_year()
    panel = make_panel(year, moderator.department, members=[moderator])
    flat(
        client_for(moderator),
        reverse("performance:panel-fairness", args=[panel.pk]),
        _ratings_in(moderator.department, year),
    )


def test_the_force_s_fairness(cast, client_for, flat):
    year = make_year()
    flat(
        client_for(cast["people_analyst"]),
        reverse("performance:fairness"),
        _ratings_in(cast["moderator"].department, year),
    )


def test_the_figures(cast, client_for, flat):
    year = make_year()
    make_panel(year, cast["moderator"].department)
    flat(
        client_for(cast["people_analyst"]),
        reverse("performance:dashboard"),
        _ratings_in(cast["moderator"].department, year),
    )


def test_api_ratings(cast, client_for, flat):
    manager = cast["manager"]
    year = make_year()
    flat(
        client_for(manager),
        reverse("v1:rating-list"),
        lambda n: [
            make_rating(UserFactory(line_manager=manager, department=manager.department), year)
            for _ in range(n)
        ],
    )


def test_api_a_rating(cast, client_for, flat):
    manager = cast["manager"]
    year = make_year()
    rating = make_rating(cast["colleague"], year)
    flat(
        client_for(manager),
        reverse("v1:rating-detail", args=[rating.pk]),
        lambda n: [
            make_rating(UserFactory(line_manager=manager, department=manager.department), year)
            for _ in range(n)
        ],
    )
