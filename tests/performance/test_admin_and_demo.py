import pytest
from django.core.management import call_command

from performance import demo, selectors
from performance.models import (
    ModerationPanel,
    Phase,
    PromotionProcess,
    Rating,
    RatingStatus,
)
from performance.paper import PROMOTIONS

MODELS = [
    "ratingscale",
    "ratinglevel",
    "performanceyear",
    "objective",
    "checkin",
    "yearendreview",
    "rating",
    "moderationpanel",
    "moderationdecision",
    "appeal",
    "promotionprocess",
    "promotionapplication",
]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_open_with_search(client_for, admin_user, model, year):
    response = client_for(admin_user).get(f"/admin/performance/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_ratings_cannot_be_edited_in_admin(client_for, admin_user, colleague, year):
    from tests.performance.factories import make_rating

    rating = make_rating(colleague, year)
    client = client_for(admin_user)
    response = client.post(f"/admin/performance/rating/{rating.pk}/change/", {})
    assert response.status_code == 403


def test_admin_sets_a_force_objective_through_the_service(client_for, admin_user, year):
    from tests.performance.factories import set_phase

    set_phase(year, Phase.OBJECTIVE_SETTING)
    response = client_for(admin_user).post(
        "/admin/performance/objective/add/",
        {
            "year": year.pk,
            "level": "force",
            "position": 1,
            "title": "Build trust",
            "description": "",
        },
    )
    assert response.status_code == 302
    set_phase(year, Phase.CLOSED)
    response = client_for(admin_user).post(
        "/admin/performance/objective/add/",
        {"year": year.pk, "level": "force", "position": 2, "title": "Too late", "description": ""},
    )
    assert response.status_code == 200
    assert "closed" in response.content.decode()


@pytest.mark.django_db
def test_demo_data_is_idempotent_and_rebuilds_the_paper():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Rating.objects.count(), PromotionProcess.objects.count())
    demo.seed()
    assert (Rating.objects.count(), PromotionProcess.objects.count()) == counts
    assert counts[0] > 250
    closed = ModerationPanel.objects.get(closed_on__isnull=False)
    assert closed.department.name == "Birmingham West NPU"
    assert (
        not Rating.objects.filter(department=closed.department, year=closed.year)
        .exclude(status=RatingStatus.FINAL)
        .exists()
    )
    table = selectors.promotion_success_table()
    assert (table["total"]["applicants"], table["total"]["successful"]) == (932, 441)
    for row, paper in zip(table["rows"], PROMOTIONS, strict=True):
        assert row["female_rate"] in (f"{paper.female_rate}%", "[c]")
        assert row["minority_rate"] in (f"{paper.minority_rate}%", "[c]")
    spring = next(r for r in table["rows"] if r["label"] == "PC to Sgt Spring 2021")
    assert (spring["female_rate"], spring["minority_rate"]) == ("69%", "70%")
    winter = next(r for r in table["rows"] if r["label"] == "PC to Sgt Winter 2020")
    assert winter["female_rate"] == "[c]"  # 29 of 33: 4 unsuccessful women is too few to show
    previous = selectors.year_for(closed.year.start_year)
    assert previous.phase_on(closed.closed_on) == Phase.MODERATION
    shares = selectors.conversation_shares(year=previous)
    assert 0.85 < shares["objectives"].part / shares["objectives"].whole < 0.95
    assert 0.70 < shares["reviews"].part / shares["reviews"].whole < 0.80
