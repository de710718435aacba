"""Reads for reasonable adjustments, each scoped by `user=`; and the figures."""

import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum

from adjustments.models import (
    AccessToWork,
    Adjustment,
    DyslexiaReferral,
    JoinerNeed,
    Passport,
)
from adjustments.permissions import is_assessor, is_ra_officer, live_consents
from core.periods import FinancialYear
from core.settings_store import get_setting
from people.models import User

S = Passport.Status
A = Adjustment.Status
ACKNOWLEDGE_KEY, ACKNOWLEDGE_DEFAULT = "adjustments-acknowledge-days", 5
DECISION_KEY, DECISION_DEFAULT = "adjustments-decision-days", 28


def acknowledge_days() -> int:
    return int(get_setting(ACKNOWLEDGE_KEY, ACKNOWLEDGE_DEFAULT))


def decision_days() -> int:
    return int(get_setting(DECISION_KEY, DECISION_DEFAULT))


def _today() -> date:
    from django.utils import timezone

    return timezone.localdate()


# Scoped lists ---------------------------------------------------------------------------


def passports_visible_to(*, user: User) -> QuerySet[Passport]:
    """Passports `user` may read: their own; all for RA officers; their current reports'
    where the report consented to them."""
    qs = Passport.objects.select_related("owner__line_manager", "ra_officer")
    if is_ra_officer(user):
        return qs
    consented = live_consents(user).filter(passport=OuterRef("pk"))
    return qs.filter(Q(owner=user) | (Q(owner__line_manager=user) & Exists(consented)))


def passports_shared_with(*, manager: User) -> QuerySet[Passport]:
    """A line manager's current reports' passports that were shared with them. Only those,
    even for a manager who is also an RA officer (who may read every passport, but has not
    had every passport shared with them). Written without the OR of `passports_visible_to`
    so that PostgreSQL starts from the manager's team (an index) rather than every passport."""
    consented = live_consents(manager).filter(passport=OuterRef("pk"))
    return (
        Passport.objects.select_related("owner__line_manager", "ra_officer")
        .filter(owner__line_manager=manager)
        .exclude(owner=manager)
        .filter(Exists(consented))
    )


def own_open_passport(*, user: User) -> Passport | None:
    return Passport.objects.filter(owner=user).exclude(status=S.CLOSED).first()


def queue(*, user: User, status: str = "", mine: bool = False) -> QuerySet[Passport]:
    """The RA officers' queue: open passports that have been submitted (or one state)."""
    qs = passports_visible_to(user=user).filter(status__in=[S.SUBMITTED, S.IN_REVIEW, S.ACTIVE])
    if status:
        qs = qs.filter(status=status)
    if mine:
        qs = qs.filter(ra_officer=user)
    return qs.filter(submitted_at__isnull=False)


def joiner_needs_waiting(*, user: User) -> QuerySet[JoinerNeed]:
    """Recruitment's hand-offs not yet turned into a passport or closed (RA officers only)."""
    if not is_ra_officer(user):
        return JoinerNeed.objects.none()
    return JoinerNeed.objects.filter(
        status__in=[JoinerNeed.Status.NEW, JoinerNeed.Status.ACKNOWLEDGED]
    ).select_related("person")


def referrals_visible_to(*, user: User) -> QuerySet[DyslexiaReferral]:
    """Referrals `user` may read: all for RA officers, those booked with an assessor, and
    the joiner's own."""
    qs = DyslexiaReferral.objects.select_related("person", "assessor")
    if is_ra_officer(user):
        return qs
    if is_assessor(user):
        return qs.filter(Q(assessor=user) | Q(person=user))
    return qs.filter(person=user)


def passport_page(*, passport: Passport) -> dict:
    """Everything the passport page shows besides the passport: a few small queries."""
    return {
        "adjustments": list(passport.adjustments.select_related("decided_by")),
        "events": list(passport.events.select_related("actor").order_by("at", "id")),
        "access_to_work": list(passport.access_to_work.all()),
        "consents": list(passport.consents.select_related("manager")),
        "versions": list(passport.versions.only("number", "created_at", "passport_id")),
        "sla": {
            "acknowledged_days": (passport.acknowledged_at - passport.submitted_at).days
            if passport.acknowledged_at and passport.submitted_at
            else None,
            "acknowledge_days": acknowledge_days(),
            "decision_days": decision_days(),
        },
    }


# Service levels -------------------------------------------------------------------------


@dataclass
class Overdue:
    unacknowledged: list
    undecided: list
    needs: list
    reviews: list
    acknowledge_days: int
    decision_days: int

    @property
    def total(self) -> int:
        return len(self.unacknowledged) + len(self.undecided) + len(self.needs) + len(self.reviews)


def overdue(*, on: date | None = None, limit: int = 200) -> Overdue:
    """What has missed its target: submitted passports not taken within the acknowledgement
    days, adjustments undecided after the decision days, joiner needs not acknowledged, and
    reviews past their date. Calendar days."""
    on = on or _today()
    ack, decide = acknowledge_days(), decision_days()
    ack_cutoff = on - timedelta(days=ack)
    return Overdue(
        unacknowledged=list(
            Passport.objects.filter(status=S.SUBMITTED, submitted_at__date__lt=ack_cutoff)
            .select_related("owner")
            .order_by("submitted_at", "id")[:limit]
        ),
        undecided=list(
            Adjustment.objects.filter(
                status=A.REQUESTED,
                requested_on__lt=on - timedelta(days=decide),
                passport__status__in=Passport.OPEN_STATUSES,
            )
            .select_related("passport__owner")
            .order_by("requested_on", "id")[:limit]
        ),
        needs=list(
            JoinerNeed.objects.filter(
                status=JoinerNeed.Status.NEW, created_at__date__lt=ack_cutoff
            ).order_by("created_at", "id")[:limit]
        ),
        reviews=list(reviews_overdue(on=on).select_related("owner")[:limit]),
        acknowledge_days=ack,
        decision_days=decide,
    )


# Figures --------------------------------------------------------------------------------


OPEN_PASSPORT = Q(status__in=[S.SUBMITTED, S.IN_REVIEW, S.ACTIVE])


def _review_overdue(on: date) -> Q:
    return Q(status=S.ACTIVE, review_date__lt=on)


def active_passports(*, on: date | None = None) -> int:
    """Passports submitted and not closed (with the RA officers or active)."""
    return Passport.objects.filter(OPEN_PASSPORT).count()


def reviews_overdue(*, on: date | None = None) -> QuerySet[Passport]:
    """Active passports whose review date has passed."""
    return Passport.objects.filter(_review_overdue(on or _today())).order_by("review_date", "id")


def percentile(values: list[int], share: float) -> float | None:
    """Linear-interpolated percentile (as PostgreSQL's percentile_cont); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def days_to_in_place(*, start: date | None = None, end: date | None = None) -> dict:
    """Median and 90th percentile calendar days from request to in place, for adjustments
    put in place between `start` and `end`; with how many there were."""
    qs = Adjustment.objects.filter(in_place_on__isnull=False)
    if start:
        qs = qs.filter(in_place_on__gte=start)
    if end:
        qs = qs.filter(in_place_on__lte=end)
    days = [
        (placed - asked).days for asked, placed in qs.values_list("requested_on", "in_place_on")
    ]
    return {
        "count": len(days),
        "median": statistics.median(days) if days else None,
        "p90": percentile(days, 0.9),
    }


def decline_rate(*, start: date | None = None, end: date | None = None) -> dict:
    """Declined adjustments as a share of decided ones (decided between the dates), with the
    declines counted by kind of reason."""
    qs = Adjustment.objects.exclude(status=A.REQUESTED)
    if start:
        qs = qs.filter(decided_on__gte=start)
    if end:
        qs = qs.filter(decided_on__lte=end)
    totals = qs.aggregate(decided=Count("id"), declined=Count("id", filter=Q(status=A.DECLINED)))
    labels = dict(Adjustment.DeclineCategory.choices)
    reasons = [
        (labels.get(row["decline_category"], row["decline_category"]), row["n"])
        for row in qs.filter(status=A.DECLINED)
        .values("decline_category")
        .annotate(n=Count("id"))
        .order_by("-n", "decline_category")
    ]
    decided = totals["decided"]
    return {
        "decided": decided,
        "declined": totals["declined"],
        "rate": totals["declined"] / decided if decided else None,
        "reasons": reasons,
    }


def dyslexia_funnel(*, start: date | None = None, end: date | None = None) -> dict:
    """Forms sent (between the dates), and of those: declined, returned, assessed (screened
    or diagnostically assessed) and assessed before the joiner's start date."""
    qs = DyslexiaReferral.objects.all()
    if start:
        qs = qs.filter(form_sent_on__gte=start)
    if end:
        qs = qs.filter(form_sent_on__lte=end)
    return qs.aggregate(
        sent=Count("id"),
        declined=Count("id", filter=Q(declined_on__isnull=False)),
        returned=Count("id", filter=Q(returned_on__isnull=False)),
        assessed=Count("id", filter=Q(assessed_on__isnull=False)),
        assessed_before_joining=Count("id", filter=Q(assessed_on__lt=F("person__start_date"))),
        risk_assessed_before_start=Count(
            "id", filter=Q(risk_assessment_on__lte=F("person__start_date"))
        ),
    )


def spend(*, year: FinancialYear) -> dict:
    """Access to Work spend (awards made in the year) against force spend (adjustments the
    force funds that were put in place in the year, plus employer shares of those awards)."""
    awards = AccessToWork.objects.filter(
        award_on__gte=year.start, award_on__lte=year.end, award_amount__isnull=False
    ).aggregate(award=Sum("award_amount"), share=Sum("employer_share"))
    force_adjustments = Adjustment.objects.filter(
        funder=Adjustment.Funder.FORCE, in_place_on__gte=year.start, in_place_on__lte=year.end
    ).aggregate(total=Sum("cost"))["total"] or Decimal("0")
    employer_share = awards["share"] or Decimal("0")
    return {
        "year": year,
        "access_to_work": awards["award"] or Decimal("0"),
        "force_adjustments": force_adjustments,
        "employer_share": employer_share,
        "force": force_adjustments + employer_share,
    }


def dashboard(*, on: date | None = None) -> dict:
    """Every figure on the dashboard, for the financial year containing `on`."""
    on = on or _today()
    year = FinancialYear.containing(on)
    passports = Passport.objects.aggregate(  # both passport counts in one pass
        active=Count("id", filter=OPEN_PASSPORT),
        reviews_overdue=Count("id", filter=_review_overdue(on)),
    )
    return {
        "year": year,
        "active_passports": passports["active"],
        "days_to_in_place": days_to_in_place(start=year.start, end=year.end),
        "decline_rate": decline_rate(start=year.start, end=year.end),
        "reviews_overdue": passports["reviews_overdue"],
        "dyslexia": dyslexia_funnel(start=year.start, end=year.end),
        "spend": spend(year=year),
        "acknowledge_days": acknowledge_days(),
        "decision_days": decision_days(),
    }
