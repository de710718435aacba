from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.audit import reads_of
from people.roles import Role
from performance import services
from performance.models import (
    Appeal,
    CheckIn,
    ModerationDecision,
    Phase,
    PromotionProcess,
    Rating,
    RatingStatus,
)
from tests.factories import UserFactory
from tests.performance.factories import (
    ReportFactory,
    decide,
    level,
    make_panel,
    make_rating,
    set_phase,
)
from tests.utils import build_queries_for


@pytest.fixture
def world(cast, year, panel, other_department):
    """A rating in the moderator's department and one in another department's panel."""
    other_moderator = UserFactory(
        staff_number="othermod", roles=[Role.MODERATOR], department=other_department
    )
    other_panel = make_panel(year, other_department, [other_moderator])
    mine = make_rating(cast["colleague"], year, "partly")
    theirs = make_rating(cast["outsider"], year, "exceeded", manager=other_moderator)
    return {
        "year": year,
        "panel": panel,
        "other_panel": other_panel,
        "mine": mine,
        "theirs": theirs,
    }


def _urls(world):
    panel, other = world["panel"], world["other_panel"]
    mine, theirs = world["mine"], world["theirs"]
    return {
        "me": reverse("performance:me"),
        "team": reverse("performance:team"),
        "member": reverse("performance:team-member", args=["colleague"]),
        "not_member": reverse("performance:team-member", args=["outsider"]),
        "panels": reverse("performance:panels"),
        "panel": reverse("performance:panel", args=[panel.pk]),
        "other_panel": reverse("performance:panel", args=[other.pk]),
        "decide": reverse("performance:panel-decide", args=[panel.pk, mine.pk]),
        "decide_other": reverse("performance:panel-decide", args=[panel.pk, theirs.pk]),
        "panel_fairness": reverse("performance:panel-fairness", args=[panel.pk]),
        "other_fairness": reverse("performance:panel-fairness", args=[other.pk]),
        "fairness": reverse("performance:fairness"),
        "dashboard": reverse("performance:dashboard"),
        "rating": reverse("performance:my-rating", args=[world["year"].start_year]),
    }


ACCESS = [
    # (who, page, status)
    ("colleague", "me", 200),
    ("colleague", "team", 403),
    ("manager", "team", 200),
    ("manager", "member", 200),
    ("manager", "not_member", 404),
    ("colleague", "member", 403),
    ("moderator", "panels", 200),
    ("manager", "panels", 403),
    ("people_analyst", "panels", 403),
    ("moderator", "panel", 200),
    ("moderator", "other_panel", 404),
    ("people_analyst", "panel", 403),
    ("moderator", "decide", 200),
    ("moderator", "decide_other", 404),
    ("manager", "decide", 403),
    ("moderator", "panel_fairness", 200),
    ("moderator", "other_fairness", 404),
    ("people_analyst", "panel_fairness", 200),
    ("colleague", "panel_fairness", 403),
    ("people_analyst", "fairness", 200),
    ("moderator", "fairness", 403),
    ("manager", "fairness", 403),
    ("people_analyst", "dashboard", 200),
    ("admin", "dashboard", 200),
    ("colleague", "dashboard", 403),
    ("colleague", "rating", 404),  # not final yet
    ("outsider", "rating", 404),
]


@pytest.mark.parametrize("who, page, status", ACCESS)
def test_each_page_answers_by_role_and_scope(world, cast, client_for, who, page, status):
    assert client_for(cast[who]).get(_urls(world)[page]).status_code == status


@pytest.mark.parametrize(
    "page",
    [
        "me",
        "team",
        "member",
        "panels",
        "panel",
        "decide",
        "fairness",
        "dashboard",
        "rating",
        "panel_fairness",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(world, client, page):
    response = client.get(_urls(world)[page])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_colleague_sees_their_rating_only_after_the_panel_closes(world, cast, client_for):
    client = client_for(cast["colleague"])
    url = _urls(world)["rating"]
    assert client.get(url).status_code == 404
    set_phase(world["year"], Phase.MODERATION)
    decide(world["mine"], world["panel"], what="achieved", reason="Evidence of results")
    assert client.get(url).status_code == 404  # decided but the panel is still open
    services.moderation_panel_close(actor=cast["moderator"], panel=world["panel"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Achieved" in response.content.decode()
    assert "Evidence of results" in response.content.decode()
    assert "See your final rating" in client.get(_urls(world)["me"]).content.decode()


def test_a_colleague_lodges_an_appeal(world, cast, client_for):
    set_phase(world["year"], Phase.MODERATION)
    decide(world["mine"], world["panel"])
    services.moderation_panel_close(actor=cast["moderator"], panel=world["panel"])
    client = client_for(cast["colleague"])
    url = _urls(world)["rating"]
    blank = client.post(url, {"grounds": ""})
    assert blank.status_code == 200 and "This field is required" in blank.content.decode()
    assert client.post(url, {"grounds": "My evidence was missed"}).status_code == 302
    appeal = Appeal.objects.get()
    moderator = client_for(cast["moderator"])
    decide_url = reverse("performance:appeal-decide", args=[world["panel"].pk, appeal.pk])
    assert client_for(cast["manager"]).get(decide_url).status_code == 403
    no_reason = moderator.post(decide_url, {"decision": "not_upheld", "reason": ""})
    assert no_reason.status_code == 200
    done = moderator.post(decide_url, {"decision": "not_upheld", "reason": "Rating stands"})
    assert done.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == "not_upheld"


def test_the_manager_page_shows_what_is_missing_and_rates(world, cast, client_for):
    client = client_for(cast["manager"])
    url = _urls(world)["member"]
    page = client.get(url).content.decode()
    assert "2 force objectives are missing" in page
    assert "2 individual objectives are missing" in page
    year = world["year"]
    world["mine"].delete()
    response = client.post(
        url,
        {
            "action": "rating",
            "rating-what": level(year, "exceeded").pk,
            "rating-how": level(year, "achieved").pk,
            "rating-version": 0,
        },
    )
    assert response.status_code == 302
    assert Rating.objects.get(person=cast["colleague"]).provisional_what.code == "exceeded"


def test_a_stale_rating_is_refused_and_shows_the_levels_saved(world, cast, client_for):
    year, url = world["year"], _urls(world)["member"]
    loaded_at = world["mine"].version

    def rate(code):
        data = {
            "action": "rating",
            "rating-what": level(year, code).pk,
            "rating-how": level(year, "achieved").pk,
            "rating-version": loaded_at,
        }
        return client_for(cast["manager"]).post(url, data)

    assert rate("exceeded").status_code == 302
    refused = rate("exceptional")
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else saved this record" in page and "What" in page
    assert Rating.objects.get(pk=world["mine"].pk).provisional_what.code == "exceeded"


def test_the_manager_sees_a_bad_date_next_to_the_field(world, cast, client_for):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for(cast["manager"]).post(
        _urls(world)["member"],
        {
            "action": "check_in",
            "check_in-held_on": tomorrow.isoformat(),
            "check_in-notes": "Planned",
        },
    )
    assert response.status_code == 200
    assert response.context["forms"]["check_in"].errors["held_on"] == [
        "This date is in the future."
    ]
    assert not CheckIn.objects.exists()


def test_a_rating_out_of_phase_is_refused_with_a_message(world, cast, client_for):
    set_phase(world["year"], Phase.IN_YEAR)
    year = world["year"]
    response = client_for(cast["manager"]).post(
        _urls(world)["member"],
        {
            "action": "rating",
            "rating-what": level(year, "exceptional").pk,
            "rating-how": level(year, "achieved").pk,
            "rating-version": world["mine"].version,
        },
    )
    assert response.status_code == 200
    assert "year end phase" in response.content.decode()
    assert Rating.objects.get(pk=world["mine"].pk).provisional_what.code == "partly"


def test_a_moderator_change_without_a_reason_is_refused(world, cast, client_for):
    set_phase(world["year"], Phase.MODERATION)
    year = world["year"]
    client = client_for(cast["moderator"])
    url = _urls(world)["decide"]
    response = client.post(
        url,
        {
            "outcome": "change",
            "what": level(year, "achieved").pk,
            "how": level(year, "achieved").pk,
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [
        "Give the reason for changing this rating."
    ]
    assert not ModerationDecision.objects.exists()
    assert client.post(url, {"outcome": "confirm"}).status_code == 302
    assert not ModerationDecision.objects.get().changed


def test_a_moderator_cannot_decide_another_departments_rating(world, cast, client_for):
    set_phase(world["year"], Phase.MODERATION)
    response = client_for(cast["moderator"]).post(
        _urls(world)["decide_other"], {"outcome": "confirm"}
    )
    assert response.status_code == 404
    assert not ModerationDecision.objects.exists()


def test_closing_the_panel_from_its_page(world, cast, client_for):
    set_phase(world["year"], Phase.MODERATION)
    client = client_for(cast["moderator"])
    url = reverse("performance:panel-close", args=[world["panel"].pk])
    response = client.post(url, follow=True)
    assert "still need the panel" in response.content.decode()
    decide(world["mine"], world["panel"])
    client.post(url)
    world["mine"].refresh_from_db()
    assert world["mine"].status == RatingStatus.FINAL
    other = reverse("performance:panel-close", args=[world["other_panel"].pk])
    assert client.post(other).status_code == 404
    assert client_for(cast["manager"]).post(url).status_code == 403


def test_analysts_see_aggregates_never_individual_ratings(world, cast, client_for):
    client = client_for(cast["people_analyst"])
    for who, name in (("colleague", "Quillfeather"), ("outsider", "Wrenhallow")):
        cast[who].last_name = name
        cast[who].save()
    for page in ("dashboard", "fairness", "panel_fairness"):
        html = client.get(_urls(world)[page]).content.decode()
        assert "Quillfeather" not in html
        assert "Wrenhallow" not in html
    assert reads_of(world["panel"]).filter(actor=cast["people_analyst"]).exists()


def _ratings(manager, year, n):
    for _ in range(n):
        make_rating(ReportFactory(line_manager=manager, department=manager.department), year)


@pytest.mark.parametrize(
    "who, page",
    [
        ("manager", "team"),
        ("manager", "member"),
        ("moderator", "panel"),
        ("moderator", "decide"),
        ("people_analyst", "dashboard"),
        ("people_analyst", "fairness"),
        ("moderator", "panel_fairness"),
        ("colleague", "me"),
        ("moderator", "panels"),
    ],
)
def test_query_budget_is_the_same_at_few_and_many_rows(world, cast, client_for, who, page):
    client = client_for(cast[who])
    url = _urls(world)[page]
    few = build_queries_for(client, url)  # the dashboard's figures counted, not cached
    _ratings(cast["manager"], world["year"], 25)
    CheckIn.objects.bulk_create(
        CheckIn(
            year=world["year"], person=cast["colleague"], held_on=timezone.localdate(), notes="n"
        )
        for _ in range(30)
    )
    PromotionProcess.objects.create(
        from_rank="constable",
        to_rank="sergeant",
        season="spring",
        year=2020,
        opens_on=timezone.localdate(),
    )
    many = build_queries_for(client, url)
    assert few == many <= 10, (few, many)


def test_menus_and_my_work_by_role(world, cast):
    from core.navigation import nav_for, work_for

    def labels(who):
        return {item.label for item in nav_for(cast[who])}

    assert "Team performance" in labels("manager")
    assert "Moderation panels" in labels("moderator")
    assert "Performance figures" in labels("people_analyst")
    assert not labels("colleague") & {"Team performance", "Moderation panels"}
    assert "Performance figures" not in labels("moderator")
    titles = {item.title: item for item in work_for(cast["moderator"])}
    assert titles["Ratings to moderate"].count == 1
    assert "Your performance year" in {item.title for item in work_for(cast["colleague"])}


def test_a_closed_year_shows_no_edit_forms_and_refuses_posts(world, cast, client_for):
    set_phase(world["year"], Phase.CLOSED)
    client = client_for(cast["manager"])
    url = _urls(world)["member"]
    assert 'name="action"' not in client.get(url).content.decode()
    response = client.post(
        url, {"action": "objective", "objective-position": 1, "objective-title": "Late"}
    )
    assert response.status_code == 200
    assert "closed: nothing in it can be changed" in response.content.decode()


def test_appeals_are_reached_only_through_their_own_panel(world, cast, client_for):
    set_phase(world["year"], Phase.MODERATION)
    for key in ("mine", "theirs"):
        decide(world[key], world["panel" if key == "mine" else "other_panel"])
    services.moderation_panel_close(actor=cast["moderator"], panel=world["panel"])
    other_moderator = world["other_panel"].members.get()
    services.moderation_panel_close(actor=other_moderator, panel=world["other_panel"])
    world["theirs"].refresh_from_db()
    theirs = services.appeal_lodge(actor=cast["outsider"], rating=world["theirs"], grounds="x")
    client = client_for(cast["moderator"])
    via_mine = reverse("performance:appeal-decide", args=[world["panel"].pk, theirs.pk])
    via_theirs = reverse("performance:appeal-decide", args=[world["other_panel"].pk, theirs.pk])
    assert client.get(via_mine).status_code == 404
    assert client.get(via_theirs).status_code == 404
    assert client_for(other_moderator).get(via_theirs).status_code == 200
    assert client_for(cast["people_analyst"]).get(via_theirs).status_code == 403
    assert Client().get(via_theirs).status_code == 302


def test_the_panel_list_pages_by_keyset(world, cast, client_for, home_department):
    from people.models import User

    User.objects.bulk_create(
        User(
            staff_number=f"K{n:03d}",
            first_name="K",
            last_name=f"Keyset {n:03d}",
            department=home_department,
            line_manager=cast["manager"],
        )
        for n in range(55)
    )
    for person in User.objects.filter(staff_number__startswith="K"):
        make_rating(person, world["year"])
    client = client_for(cast["moderator"])
    first = client.get(_urls(world)["panel"])
    assert len(first.context["page"].items) == 50
    second = client.get(_urls(world)["panel"], {"after": first.context["page"].next_cursor})
    names = {r.person.last_name for r in second.context["page"].items}
    assert len(second.context["page"].items) == 6  # 55 + the colleague = 56
    assert not names & {r.person.last_name for r in first.context["page"].items}
