"""Performance records for tests: a five-level scale, years in any phase, ratings."""

from datetime import date, timedelta
from itertools import count

import factory
from django.utils import timezone

from core.periods import FinancialYear
from performance.models import (
    ModerationDecision,
    ModerationPanel,
    PerformanceYear,
    Phase,
    Rating,
    RatingLevel,
    RatingScale,
)
from tests.factories import UserFactory

LEVELS = [
    ("exceptional", "Exceptional", 5, False),
    ("exceeded", "Exceeded", 4, False),
    ("achieved", "Achieved", 3, True),
    ("partly", "Partly achieved", 2, False),
    ("not-achieved", "Not achieved", 1, False),
]
PHASE_ORDER = [
    Phase.OBJECTIVE_SETTING,
    Phase.IN_YEAR,
    Phase.YEAR_END,
    Phase.MODERATION,
    Phase.CLOSED,
]
_years = count(1)


def make_scale(name: str = "WMP ratings") -> RatingScale:
    scale, created = RatingScale.objects.get_or_create(name=name)
    if created:
        for code, label, rank, achieved in LEVELS:
            RatingLevel.objects.create(
                scale=scale, code=code, label=label, rank=rank, is_achieved=achieved
            )
    return scale


def level(year: PerformanceYear, code: str) -> RatingLevel:
    return RatingLevel.objects.get(scale_id=year.what_scale_id, code=code)


def make_year(phase: str = Phase.YEAR_END, start_year: int | None = None) -> PerformanceYear:
    """A year whose phase today is `phase` (phase k began yesterday; the rest 10 days apart)."""
    today = timezone.localdate()
    k = PHASE_ORDER.index(phase)
    starts = [today - timedelta(days=1 + 10 * (k - i)) for i in range(len(PHASE_ORDER))]
    scale = make_scale()
    start_year = start_year or FinancialYear.containing(today).start_year
    year = PerformanceYear.objects.filter(start_year=start_year).first()
    values = dict(
        objective_setting_from=starts[0],
        in_year_from=starts[1],
        year_end_from=starts[2],
        moderation_from=starts[3],
        closed_from=starts[4],
        what_scale=scale,
        how_scale=scale,
        how_framework="CVF 2024",
    )
    if year is None:
        return PerformanceYear.objects.create(start_year=start_year, **values)
    PerformanceYear.objects.filter(pk=year.pk).update(**values)
    year.refresh_from_db()
    return year


def set_phase(year: PerformanceYear, phase: str) -> PerformanceYear:
    make_year(phase, start_year=year.start_year)
    year.refresh_from_db()
    return year


def make_rating(person, year, what="achieved", how="achieved", manager=None) -> Rating:
    return Rating.objects.create(
        year=year,
        person=person,
        department=person.department,
        manager=manager or person.line_manager,
        provisional_what=level(year, what),
        provisional_how=level(year, how),
        how_framework=year.how_framework,
        provisional_on=date.today(),
    )


def make_panel(year, department, members=()) -> ModerationPanel:
    panel = ModerationPanel.objects.create(
        year=year, department=department, meets_on=timezone.localdate()
    )
    panel.members.set(members)
    return panel


def decide(rating, panel, what=None, how=None, reason="") -> ModerationDecision:
    what_level = level(rating.year, what) if what else rating.provisional_what
    how_level = level(rating.year, how) if how else rating.provisional_how
    changed = (what_level.pk, how_level.pk) != (
        rating.provisional_what_id,
        rating.provisional_how_id,
    )
    return ModerationDecision.objects.create(
        rating=rating,
        panel=panel,
        what=what_level,
        how=how_level,
        changed=changed,
        reason=reason or ("Evidence reviewed" if changed else ""),
        decided_on=timezone.localdate(),
    )


class ReportFactory(UserFactory):
    """A colleague in a department; pass line_manager."""

    staff_number = factory.Sequence(lambda n: f"R{n:05d}")
