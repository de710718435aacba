"""core.cache.cached_figures: one helper caches every dashboard's figures, keyed by everything
that scopes them; the pages say how old the figures are."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from core.cache import FORCE_WIDE, cached_figures, figures_key, viewer_scope
from core.models import Setting
from core.settings_store import forget_setting
from tests.factories import UserFactory
from tests.utils import build_queries_for, queries_for


class Builder:
    """A figures builder that counts its calls and returns what it is told."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_figures_are_built_once_then_served_with_the_time_they_were_built(db):
    build = Builder({"eois": 12})
    first = cached_figures(("a-dashboard", date(2026, 4, 1)), build, scope=FORCE_WIDE)
    second = cached_figures(("a-dashboard", date(2026, 4, 1)), build, scope=FORCE_WIDE)
    assert build.calls == 1
    assert first.value == second.value == {"eois": 12}
    assert first.as_at == second.as_at
    assert abs((timezone.now() - first.as_at).total_seconds()) < 60


def test_each_filter_has_its_own_figures(db):
    spring, summer = Builder("spring"), Builder("summer")
    assert cached_figures(("a-dashboard", date(2026, 4, 1)), spring, scope=FORCE_WIDE).value == (
        "spring"
    )
    assert cached_figures(("a-dashboard", date(2026, 7, 1)), summer, scope=FORCE_WIDE).value == (
        "summer"
    )
    assert cached_figures(("other-dashboard", date(2026, 4, 1)), summer, scope=FORCE_WIDE).value
    assert (spring.calls, summer.calls) == (1, 2)


def test_one_user_never_sees_another_users_cached_figures(db):
    alice, bob = UserFactory(staff_number="A1"), UserFactory(staff_number="B1")
    alices = cached_figures(("my-team", 2026), Builder("Alice's team"), scope=viewer_scope(alice))
    bobs = cached_figures(("my-team", 2026), Builder("Bob's team"), scope=viewer_scope(bob))
    assert (alices.value, bobs.value) == ("Alice's team", "Bob's team")
    again = Builder("rebuilt")
    assert cached_figures(("my-team", 2026), again, scope=viewer_scope(bob)).value == "Bob's team"
    assert cached_figures(("my-team", 2026), again, scope=FORCE_WIDE).value == "rebuilt"
    assert figures_key(("my-team", 2026), scope=viewer_scope(alice)) != figures_key(
        ("my-team", 2026), scope=viewer_scope(bob)
    )


def test_figures_cannot_be_cached_without_saying_whose_they_are(db):
    with pytest.raises(ValueError):
        cached_figures(("a-dashboard",), Builder(1), scope="")


def test_a_new_disclosure_threshold_is_not_served_old_suppression(db):
    build = Builder("suppressed at 5")
    cached_figures(("a-dashboard",), build, scope=FORCE_WIDE)
    Setting.objects.update_or_create(key="disclosure-threshold", defaults={"value": 10})
    forget_setting("disclosure-threshold")
    cached_figures(("a-dashboard",), build, scope=FORCE_WIDE)
    assert build.calls == 2


# The dashboards ----------------------------------------------------------------------------

DASHBOARDS = [
    ("people:workforce", "people_analyst", ["by_type", "by_rank"]),
    ("welfare:dashboard", "welfare_officer", ["retention_rows", "ethnicity", "outcomes"]),
    ("performance:dashboard", "people_analyst", ["objectives", "reviews", "promotions"]),
    ("recruitment:dashboard", "recruitment_officer", ["by_channel", "by_route", "by_sex"]),
]


@pytest.fixture
def performance_year(db):
    from tests.performance.factories import make_year

    return make_year()


@pytest.mark.parametrize(("page", "role", "figures"), DASHBOARDS)
def test_a_cached_dashboard_shows_the_same_figures_as_a_fresh_one_and_when_they_were_counted(
    request, client_for, performance_year, page, role, figures
):
    from django.core.cache import cache

    client = client_for(request.getfixturevalue(role))
    fresh = client.get(reverse(page))
    cached = client.get(reverse(page))
    assert fresh.status_code == cached.status_code == 200
    for name in figures:
        assert cached.context[name] == fresh.context[name], name
    as_at = timezone.localtime(fresh.context["figures_as_at"])
    assert cached.context["figures_as_at"] == fresh.context["figures_as_at"]
    assert f"Figures as at {as_at:%H:%M}" in cached.content.decode()
    cache.clear()
    rebuilt = client.get(reverse(page))
    for name in figures:
        assert rebuilt.context[name] == fresh.context[name], name


@pytest.mark.parametrize(("page", "role", "figures"), DASHBOARDS)
def test_a_cached_dashboard_does_not_count_its_figures_again(
    request, client_for, performance_year, page, role, figures
):
    client = client_for(request.getfixturevalue(role))
    assert queries_for(client, reverse(page)) < build_queries_for(client, reverse(page))
