"""Figures as selectors, rebuilt from records: the paper's promotion table (§56) and the
objective and year-end shares (§49)."""

from datetime import date

import pytest
from django.utils import timezone

from core.equality import Ethnicity, Sex
from people.models import EqualityMonitoring, User
from performance import selectors
from performance.models import (
    CheckIn,
    Objective,
    ObjectiveLevel,
    Outcome,
    PromotionApplication,
    PromotionProcess,
    YearEndReview,
)
from performance.paper import PROMOTIONS, SEASON_MONTH
from tests.performance.factories import decide, make_rating


def _pool(size):
    User.objects.bulk_create(
        User(staff_number=f"P{n:04d}", first_name="Applicant", last_name=str(n))
        for n in range(size)
    )
    return list(User.objects.filter(staff_number__startswith="P").order_by("staff_number"))


def _processes():
    return PromotionProcess.objects.bulk_create(
        PromotionProcess(
            from_rank=p.from_rank,
            to_rank=p.to_rank,
            season=p.season,
            year=p.year,
            opens_on=date(p.year, SEASON_MONTH[p.season], 1),
        )
        for p in PROMOTIONS
    )


def test_it_rebuilds_the_papers_promotion_table_from_records(db):
    pool = _pool(max(p.applicants for p in PROMOTIONS))
    applications = []
    for process, paper in zip(_processes(), PROMOTIONS, strict=True):
        for i, person in enumerate(pool[: paper.applicants]):
            outcome = Outcome.SUCCESSFUL if i < paper.successful else Outcome.UNSUCCESSFUL
            applications.append(
                PromotionApplication(process=process, applicant=person, outcome=outcome)
            )
    PromotionApplication.objects.bulk_create(applications)

    table = selectors.promotion_success_table()

    total = table["total"]
    assert (total["applicants"], total["successful"], total["rate"]) == (932, 441, "47%")
    rows = {row["label"]: row for row in table["rows"]}
    winter = rows["PC to Sgt Winter 2020"]
    assert (winter["applicants"], winter["successful"], winter["rate"]) == (109, 88, "81%")
    assert table["rows"][0]["label"] == "Supt to C.Supt Spring 2020"
    assert [row["rate"] for row in table["rows"]] == [
        "27%",
        "46%",
        "31%",
        "55%",
        "30%",
        "43%",
        "27%",
        "39%",
        "37%",
        "81%",
        "65%",
    ]


def test_success_rates_for_women_and_ethnic_minority_groups(db):
    pool = _pool(20)
    for person in pool[:10]:
        EqualityMonitoring.objects.create(person=person, sex=Sex.FEMALE, ethnicity="W_BRI")
    for person in pool[10:16]:
        EqualityMonitoring.objects.create(
            person=person, sex=Sex.MALE, ethnicity=Ethnicity.BLACK_CARIBBEAN
        )
    process = _processes()[0]
    # women: 5 of 10 successful; ethnic minority men: 1 of 6; others: 4 of 4
    won = pool[:5] + pool[10:11] + pool[16:20]
    PromotionApplication.objects.bulk_create(
        PromotionApplication(
            process=process,
            applicant=p,
            outcome=Outcome.SUCCESSFUL if p in won else Outcome.UNSUCCESSFUL,
        )
        for p in pool
    )
    row = selectors.promotion_success_table()["rows"][0]
    assert (row["applicants"], row["successful"], row["rate"]) == (20, 10, "50%")
    assert row["female_rate"] == "50%"
    assert row["minority_rate"] == "[c]"  # 1 success is too few to show
    assert row["counts"]["minority_applicants"] == 6


def _colleagues(n, department):
    User.objects.bulk_create(
        User(staff_number=f"C{i:03d}", first_name="C", last_name=str(i), department=department)
        for i in range(n)
    )
    return list(User.objects.filter(staff_number__startswith="C").order_by("staff_number"))


def test_the_shares_of_objectives_set_and_reviews_completed(year, home_department):
    people = _colleagues(20, home_department)
    Objective.objects.bulk_create(
        Objective(year=year, level=ObjectiveLevel.INDIVIDUAL, position=1, person=p, title="Own")
        for p in people[:18]
    )
    Objective.objects.bulk_create(
        Objective(year=year, level=ObjectiveLevel.INDIVIDUAL, position=2, person=p, title="Two")
        for p in people[:5]
    )
    YearEndReview.objects.bulk_create(
        YearEndReview(year=year, person=p, summary="Done", completed_on=timezone.localdate())
        for p in people[:15]
    )
    YearEndReview.objects.create(year=year, person=people[19])  # started, not completed
    CheckIn.objects.create(year=year, person=people[0], held_on=timezone.localdate(), notes="x")
    objectives = selectors.individual_objectives_share(year=year)
    reviews = selectors.year_end_completed_share(year=year)
    assert (objectives.part, objectives.whole, objectives.text) == (18, 20, "90%")
    assert (reviews.part, reviews.whole, reviews.text) == (15, 20, "75%")


def test_a_leaver_before_the_year_is_not_counted(year, home_department):
    people = _colleagues(2, home_department)
    User.objects.filter(pk=people[0].pk).update(
        start_date=date(2000, 1, 1), leave_date=date(2001, 1, 1)
    )
    assert selectors.individual_objectives_share(year=year).whole == 1


def test_the_distribution_before_and_after_moderation(manager, colleague, student, year, panel):
    a = make_rating(colleague, year, "exceeded")
    make_rating(student, year, "partly")
    decide(a, panel, what="achieved")
    rows = {
        r["level"].code: (r["before"], r["after"])
        for r in selectors.rating_distribution(year=year, department_id=panel.department_id)
    }
    assert rows == {
        "exceptional": (0, 0),
        "exceeded": (1, 0),
        "achieved": (0, 1),
        "partly": (1, 0),
        "not-achieved": (0, 0),
    }


@pytest.mark.parametrize("measure", ["what", "how"])
def test_the_distribution_covers_both_ratings(colleague, year, measure):
    make_rating(colleague, year, "exceeded", "exceptional")
    rows = selectors.rating_distribution(year=year, measure=measure)
    assert sum(r["before"] for r in rows) == 1
