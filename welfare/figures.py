"""Welfare and retention figures: selectors that compute every number from records.

Nothing here copies a published figure: totals are sums of the rows above them (the board
paper's own total row, 1704 recruited, does not add up; ours would say 2007).
"""

import statistics
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, QuerySet

from core.disclosure import ProtectedTable, protect_table
from core.equality import DEFINITION_NOTES, MinorityDefinition, declared_codes, minority_codes
from core.periods import working_days_between
from people.models import CONSTABLE_ROUTES, EntryRoute, Probation
from welfare.models import CaseTheme, Outcome, ReasonTheme, WelfareCase

# The board paper's order: the legacy route first as the comparator, then the PEQF routes.
ROUTE_ORDER = [
    EntryRoute.IPLDP,
    EntryRoute.PCDA,
    EntryRoute.DHEP,
    EntryRoute.DC_DHEP,
    EntryRoute.PCEP,
]


def percent(part: int, whole: int) -> Decimal | None:
    """part/whole as a percentage to one decimal place (half up), None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class RetentionRow:
    label: str
    recruited: int
    leavers: int

    @property
    def retained(self) -> int:
        return self.recruited - self.leavers

    @property
    def retention(self) -> Decimal | None:
        return percent(self.retained, self.recruited)


@dataclass(frozen=True)
class Cohort:
    """Student officers who started between `start` and `end` (inclusive), seen as at `as_at`."""

    start: date | None = None
    end: date | None = None
    as_at: date | None = None

    @property
    def day(self) -> date:
        return self.as_at or date.today()


def cohort_probations(cohort: Cohort) -> QuerySet[Probation]:
    """Probations of constable routes that started in the cohort range by its as-at date."""
    qs = Probation.objects.filter(route__in=CONSTABLE_ROUTES, start_date__lte=cohort.day)
    if cohort.start:
        qs = qs.filter(start_date__gte=cohort.start)
    if cohort.end:
        qs = qs.filter(start_date__lte=cohort.end)
    return qs


def left_during_probation(cohort: Cohort) -> Q:
    """On a Probation queryset: the officer left by the as-at date, before being confirmed."""
    return Q(officer__leave_date__isnull=False, officer__leave_date__lte=cohort.day) & (
        Q(confirmed_on__isnull=True) | Q(officer__leave_date__lt=F("confirmed_on"))
    )


def retention_by_route(cohort: Cohort) -> tuple[list[RetentionRow], RetentionRow]:
    """Recruited, leavers during probation and retention % by entry route, with the total row
    summed from the route rows (board paper §12). One query."""
    counts = {
        row["route"]: row
        for row in cohort_probations(cohort)
        .values("route")
        .annotate(recruited=Count("id"), leavers=Count("id", filter=left_during_probation(cohort)))
    }
    labels = dict(EntryRoute.choices)
    rows = [
        RetentionRow(labels[route], counts[route]["recruited"], counts[route]["leavers"])
        for route in ROUTE_ORDER
        if route in counts
    ]
    total = RetentionRow("Total", sum(r.recruited for r in rows), sum(r.leavers for r in rows))
    return rows, total


def _leavers(cohort: Cohort) -> QuerySet[Probation]:
    return cohort_probations(cohort).filter(left_during_probation(cohort))


def leavers_by_theme(cohort: Cohort) -> tuple[list[tuple[str, int]], int]:
    """How many leavers gave each reason theme on any of their welfare cases, plus those with
    none recorded. A leaver may give several themes, so the rows can add up to more than the
    leavers: the second value is the number of leavers."""
    leaver_ids = _leavers(cohort).values("officer_id")
    counts = dict(
        CaseTheme.objects.filter(case__officer_id__in=leaver_ids)
        .values_list("theme")
        .annotate(n=Count("case__officer_id", distinct=True))
    )
    leavers = _leavers(cohort).count()
    with_theme = (
        CaseTheme.objects.filter(case__officer_id__in=leaver_ids)
        .values("case__officer_id")
        .distinct()
        .count()
    )
    rows = [(label, counts.get(value, 0)) for value, label in ReasonTheme.choices]
    rows.append(("No reason recorded", leavers - with_theme))
    return rows, leavers


SERVICE_BANDS = [
    (6, "Under 6 months"),
    (12, "6 months to under 1 year"),
    (24, "1 year to under 2 years"),
    (36, "2 years to under 3 years"),
    (None, "3 years or more"),
]


def _months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def leavers_by_length_of_service(cohort: Cohort) -> list[tuple[str, int]]:
    """Leavers during probation by completed months of service at their last day; the bands
    add up to the leavers."""
    counts = dict.fromkeys((label for _, label in SERVICE_BANDS), 0)
    for start, last_day in _leavers(cohort).values_list("start_date", "officer__leave_date"):
        months = _months_between(start, last_day)
        label = next(lbl for limit, lbl in SERVICE_BANDS if limit is None or months < limit)
        counts[label] += 1
    return list(counts.items())


def _cases(start: date | None, end: date | None) -> QuerySet[WelfareCase]:
    qs = WelfareCase.objects.all()
    if start:
        qs = qs.filter(notified_on__gte=start)
    if end:
        qs = qs.filter(notified_on__lte=end)
    return qs


def cases_by_outcome(*, start: date | None = None, end: date | None = None) -> list[tuple]:
    """Cases notified in the range by outcome, open cases last; one query."""
    counts = dict(_cases(start, end).values_list("outcome").annotate(n=Count("id")))
    rows = [(label, counts.get(value, 0)) for value, label in Outcome.choices]
    rows.append(("Still open", counts.get("", 0)))
    return rows


def retained_after_intervention(*, start: date | None = None, end: date | None = None) -> dict:
    """Of closed cases where support was offered: how many kept the officer (retained) and how
    many kept them in the force (retained or moved to a staff role). One query."""
    totals = (
        _cases(start, end)
        .filter(closed_on__isnull=False)
        .annotate(offers=Count("support"))
        .filter(offers__gt=0)
        .aggregate(
            closed=Count("id"),
            retained=Count("id", filter=Q(outcome=Outcome.RETAINED)),
            staff_role=Count("id", filter=Q(outcome=Outcome.STAFF_ROLE)),
        )
    )
    kept = totals["retained"] + totals["staff_role"]
    return {
        **totals,
        "kept_in_force": kept,
        "retained_share": percent(totals["retained"], totals["closed"]),
        "kept_share": percent(kept, totals["closed"]),
    }


def first_contact_times(*, start: date | None = None, end: date | None = None) -> dict:
    """Working days from notification to first contact: the median, how many cases were
    contacted, and how many within the target that applied when each case opened."""
    rows = list(
        _cases(start, end)
        .filter(first_contact_on__isnull=False)
        .values_list("notified_on", "first_contact_on", "first_contact_due")
    )
    days = [working_days_between(notified, contacted) for notified, contacted, _ in rows]
    within = sum(1 for _, contacted, due in rows if contacted <= due)
    return {
        "contacted": len(rows),
        "median_days": statistics.median(days) if days else None,
        "within_target": within,
        "within_share": percent(within, len(rows)),
    }


def retention_by_ethnicity(
    cohort: Cohort, definition: str = MinorityDefinition.EMG
) -> tuple[ProtectedTable, str]:
    """Stayed and left during probation for ethnic minority, White British (or White) and
    not-declared officers, with disclosure control; returns the table and the definition note."""
    minority = Q(officer__equality__ethnicity__in=minority_codes(definition))
    declared = Q(officer__equality__ethnicity__in=declared_codes())
    left = left_during_probation(cohort)
    totals = cohort_probations(cohort).aggregate(
        minority_all=Count("id", filter=minority),
        minority_left=Count("id", filter=minority & left),
        declared_all=Count("id", filter=declared),
        declared_left=Count("id", filter=declared & left),
        all=Count("id"),
        left=Count("id", filter=left),
    )
    rest_all = totals["declared_all"] - totals["minority_all"]
    rest_left = totals["declared_left"] - totals["minority_left"]
    unknown_all = totals["all"] - totals["declared_all"]
    unknown_left = totals["left"] - totals["declared_left"]
    rows = [
        ("Ethnic minority groups", totals["minority_all"], totals["minority_left"]),
        ("White British" if definition == MinorityDefinition.EMG else "White", rest_all, rest_left),
        ("Not declared", unknown_all, unknown_left),
    ]
    table = protect_table(
        row_labels=[label for label, _, _ in rows],
        col_labels=["Stayed", "Left during probation"],
        counts=[[n - gone, gone] for _, n, gone in rows],
    )
    return table, DEFINITION_NOTES[definition]


def dashboard(cohort: Cohort, *, start: date | None = None, end: date | None = None) -> dict:
    """Everything the welfare figures page shows: the cohort's retention, leavers and
    ethnicity (under disclosure control), and the cases notified in [start, end]."""
    rows, total = retention_by_route(cohort)
    themes, leavers = leavers_by_theme(cohort)
    ethnicity, definition_note = retention_by_ethnicity(cohort)
    return {
        "retention_rows": rows,
        "retention_total": total,
        "themes": themes,
        "leavers": leavers,
        "service": leavers_by_length_of_service(cohort),
        "outcomes": cases_by_outcome(start=start, end=end),
        "intervention": retained_after_intervention(start=start, end=end),
        "contact": first_contact_times(start=start, end=end),
        "ethnicity": ethnicity,
        "definition_note": definition_note,
    }
