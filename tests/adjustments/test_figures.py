"""The dashboard's figures rebuilt from records made for the purpose."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from adjustments import selectors
from adjustments.models import AccessToWork, Adjustment, JoinerNeed, Passport
from core.models import Setting
from core.periods import FinancialYear
from core.settings_store import forget_setting
from tests.adjustments.factories import (
    AdjustmentFactory,
    DyslexiaReferralFactory,
    PassportFactory,
    SubmittedPassportFactory,
)
from tests.factories import UserFactory

FY = FinancialYear(2025)
D = date(2025, 6, 1)


def _placed(passport, days, cost=0, funder="force"):
    return AdjustmentFactory(
        passport=passport,
        status="in_place",
        requested_on=D,
        decided_on=D,
        in_place_on=D + timedelta(days=days),
        cost=cost,
        funder=funder,
    )


def test_median_and_90th_percentile_days_to_in_place(db):
    passport = SubmittedPassportFactory()
    for days in (2, 4, 6, 8, 10, 12, 14, 16, 18, 20):
        _placed(passport, days)
    AdjustmentFactory(passport=passport)  # not in place: not counted
    figures = selectors.days_to_in_place(start=FY.start, end=FY.end)
    assert figures == {"count": 10, "median": 11, "p90": 18.2}


def test_decline_rate_with_reasons(db):
    passport = SubmittedPassportFactory()
    _placed(passport, 5)
    AdjustmentFactory(passport=passport, status="agreed", decided_on=D)
    for category in ("operational", "operational", "alternative"):
        AdjustmentFactory(
            passport=passport,
            status="declined",
            decided_on=D,
            decline_category=category,
            decline_reason="Explained to the colleague",
        )
    AdjustmentFactory(passport=passport)  # still requested: not decided
    rate = selectors.decline_rate(start=FY.start, end=FY.end)
    assert (rate["decided"], rate["declined"], rate["rate"]) == (5, 3, 0.6)
    assert rate["reasons"][0] == ("Operational requirement of the role", 2)


def test_active_passports_and_reviews_overdue(db):
    SubmittedPassportFactory()
    PassportFactory()  # a draft is not active
    ra = UserFactory(staff_number="RA9")
    late = SubmittedPassportFactory(status="active", ra_officer=ra)
    Passport.objects.filter(pk=late.pk).update(review_date=date.today() - timedelta(days=1))
    SubmittedPassportFactory(status="active", ra_officer=ra)
    assert selectors.active_passports() == 3
    assert list(selectors.reviews_overdue()) == [Passport.objects.get(pk=late.pk)]


def test_the_dyslexia_funnel(db):
    start = date(2025, 9, 1)

    def joiner(n):
        return UserFactory(staff_number=f"DF{n}", entry_route="pcda", start_date=start)

    DyslexiaReferralFactory(person=joiner(1), form_sent_on=D)
    DyslexiaReferralFactory(person=joiner(2), form_sent_on=D, stage="declined", declined_on=D)
    DyslexiaReferralFactory(person=joiner(3), form_sent_on=D, stage="returned", returned_on=D)
    assessor = UserFactory(staff_number="AS1")
    for n, assessed in ((4, date(2025, 7, 1)), (5, date(2025, 10, 1))):
        DyslexiaReferralFactory(
            person=joiner(n),
            form_sent_on=D,
            stage="screened",
            returned_on=D,
            assessor=assessor,
            screening_on=assessed,
            screening_outcome="indicative",
            assessed_on=assessed,
        )
    funnel = selectors.dyslexia_funnel(start=FY.start, end=FY.end)
    assert funnel["sent"] == 5 and funnel["declined"] == 1 and funnel["returned"] == 3
    assert funnel["assessed"] == 2 and funnel["assessed_before_joining"] == 1


def test_access_to_work_spend_against_force_spend(db):
    passport = SubmittedPassportFactory()
    _placed(passport, 3, cost=Decimal("400"))
    _placed(passport, 3, cost=Decimal("900"), funder="access_to_work")  # not force spend
    AdjustmentFactory(passport=passport, cost=Decimal("50"))  # requested only
    AccessToWork.objects.create(
        passport=passport,
        reference="ATW1",
        status="awarded",
        applied_on=D,
        award_amount=Decimal("2500"),
        award_on=D,
        employer_share=Decimal("500"),
    )
    AccessToWork.objects.create(
        passport=passport,
        reference="ATW0",
        status="awarded",
        applied_on=date(2024, 5, 1),
        award_amount=Decimal("999"),
        award_on=date(2024, 6, 1),
    )  # last year
    spend = selectors.spend(year=FY)
    assert spend["access_to_work"] == Decimal("2500")
    assert spend["force"] == Decimal("900")  # 400 adjustment + 500 employer share


def test_overdue_uses_the_configurable_targets(db):
    old = timezone.now() - timedelta(days=6)
    late = SubmittedPassportFactory(submitted_at=old)
    SubmittedPassportFactory(submitted_at=timezone.now())
    AdjustmentFactory(passport=late, requested_on=date.today() - timedelta(days=29))
    AdjustmentFactory(passport=late, requested_on=date.today() - timedelta(days=3))
    need = JoinerNeed.objects.create(name="N", details="d", source="EOI 1")
    JoinerNeed.objects.filter(pk=need.pk).update(created_at=old)
    result = selectors.overdue()
    assert [p.pk for p in result.unacknowledged] == [late.pk]
    assert len(result.undecided) == 1 and len(result.needs) == 1
    Setting.objects.create(key="adjustments-acknowledge-days", value=10)
    Setting.objects.create(key="adjustments-decision-days", value=60)
    forget_setting("adjustments-acknowledge-days")
    forget_setting("adjustments-decision-days")
    result = selectors.overdue()
    assert result.total == 0 and result.acknowledge_days == 10


def test_the_dashboard_page_shows_the_figures(client_for, ra_officer):
    passport = SubmittedPassportFactory()
    today = date.today()
    AdjustmentFactory(
        passport=passport,
        status="in_place",
        requested_on=today - timedelta(days=7),
        decided_on=today,
        in_place_on=today,
    )
    response = client_for(ra_officer).get("/adjustments/dashboard/")
    figures = response.context["figures"]
    assert figures["active_passports"] == 1 and figures["days_to_in_place"]["median"] == 7
    assert Adjustment.objects.count() == 1
