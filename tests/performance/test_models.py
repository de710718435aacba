from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import given
from hypothesis import strategies as st

from performance.fairness import compare_groups
from performance.models import (
    Objective,
    ObjectiveLevel,
    PerformanceYear,
    Phase,
    PromotionProcess,
    RatingLevel,
)
from tests.performance.factories import make_scale


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_a_scale_has_at_most_one_achieved_level(db):
    scale = make_scale()
    _refused(
        lambda: RatingLevel.objects.create(
            scale=scale, code="also", label="Also achieved", rank=9, is_achieved=True
        )
    )
    _refused(lambda: RatingLevel.objects.create(scale=scale, code="dup", label="D", rank=3))


def test_phases_run_in_order_and_decide_the_phase_on_a_day(db):
    scale = make_scale()
    year = PerformanceYear(
        start_year=2021,
        objective_setting_from=date(2021, 4, 1),
        in_year_from=date(2021, 6, 1),
        year_end_from=date(2022, 3, 1),
        moderation_from=date(2022, 4, 15),
        closed_from=date(2022, 7, 1),
        what_scale=scale,
        how_scale=scale,
    )
    year.full_clean()
    assert year.label == "FY21/22"
    assert year.phase_on(date(2021, 3, 31)) == Phase.NOT_STARTED
    assert year.phase_on(date(2021, 6, 1)) == Phase.IN_YEAR
    assert year.phase_on(date(2022, 3, 31)) == Phase.YEAR_END
    assert year.phase_on(date(2022, 7, 1)) == Phase.CLOSED
    year.objective_setting_from = date(2020, 4, 1)
    with pytest.raises(ValidationError):
        year.full_clean()
    year.objective_setting_from = date(2021, 4, 1)
    year.moderation_from = date(2022, 2, 1)
    _refused(year.save)


def test_objectives_have_the_right_owner_and_two_slots(year, colleague, home_department):
    def make(**kw):
        return lambda: Objective.objects.create(year=year, title="T", **kw)

    _refused(make(level=ObjectiveLevel.FORCE, position=1, person=colleague))
    _refused(make(level=ObjectiveLevel.DEPARTMENTAL, position=1))
    _refused(make(level=ObjectiveLevel.INDIVIDUAL, position=3, person=colleague))
    make(level=ObjectiveLevel.INDIVIDUAL, position=1, person=colleague)()
    _refused(make(level=ObjectiveLevel.INDIVIDUAL, position=1, person=colleague))
    make(level=ObjectiveLevel.DEPARTMENTAL, position=1, department=home_department)()
    _refused(make(level=ObjectiveLevel.DEPARTMENTAL, position=1, department=home_department))


def test_a_promotion_changes_rank_and_is_named_as_in_the_paper(db):
    process = PromotionProcess(
        from_rank="constable",
        to_rank="sergeant",
        season="winter",
        year=2020,
        opens_on=date(2020, 12, 1),
    )
    assert process.name == "PC to Sgt Winter 2020"
    process.to_rank = "constable"
    _refused(process.save)


counts = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda t: (min(t), max(t)))


@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), counts, min_size=2))
def test_comparisons_are_consistent_whatever_the_counts(groups):
    rows = compare_groups(groups, threshold=5, small_group=20)
    total = sum(n for _, n in groups.values())
    for row in rows:
        assert row.total + row.rest_total == total
        assert row.p_value is None or 0 <= row.p_value <= 1 + 1e-9
        if row.rate is not None and row.rest_rate:
            assert row.relative_rate == pytest.approx(row.rate / row.rest_rate)
