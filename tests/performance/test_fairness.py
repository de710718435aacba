"""Fairness figures checked against a hand-worked example and against scipy directly."""

from math import comb

import pytest
from scipy import stats

from core.equality import Disability, Ethnicity, Sex
from people.models import EqualityMonitoring
from performance import selectors
from performance.fairness import CHI_SQUARE, FISHER, compare_groups
from tests.performance.factories import ReportFactory, decide, make_rating


def _fisher_by_hand(a, b, c, d):
    """Two-sided Fisher p: add every table with the same margins no likelier than the one seen."""
    row1, col1, n = a + b, a + c, a + b + c + d

    def p(x):
        return comb(col1, x) * comb(n - col1, row1 - x) / comb(n, row1)

    seen = p(a)
    lo, hi = max(0, row1 - (n - col1)), min(row1, col1)
    return sum(p(x) for x in range(lo, hi + 1) if p(x) <= seen * (1 + 1e-7))


def test_relative_rate_and_fisher_p_on_a_hand_worked_example():
    # Women: 3 of 10 achieved or above; men: 12 of 15.
    # Relative rate = (3/10) / (12/15) = 0.3 / 0.8 = 0.375.
    # Expected achieved women = 10 * 15 / 25 = 6; below = 4 < 5, so Fisher's exact test.
    female, male = compare_groups(
        {"Female": (3, 10), "Male": (12, 15)}, threshold=3, small_group=20
    )
    assert female.relative_rate == pytest.approx(0.375)
    assert male.relative_rate == pytest.approx(0.8 / 0.3)
    assert female.test == FISHER
    by_hand = _fisher_by_hand(3, 7, 12, 3)
    assert by_hand == pytest.approx(112529 / 3268760)  # 0.0344: tables x=0,1,2,3,9,10
    assert female.p_value == pytest.approx(by_hand)
    assert female.p_value == pytest.approx(stats.fisher_exact([[3, 7], [12, 3]]).pvalue)
    assert female.significant
    assert female.small and male.small  # both groups under 20 people
    assert (female.rate_text, female.relative_text) == ("30.0%", "0.38")


def test_large_tables_use_chi_square_as_scipy_computes_it():
    rows = compare_groups({"A": (40, 100), "B": (70, 100)}, threshold=5, small_group=20)
    expected = stats.chi2_contingency([[40, 60], [70, 30]]).pvalue
    assert rows[0].test == CHI_SQUARE
    assert rows[0].p_value == pytest.approx(expected)
    assert not rows[0].small


def test_small_counts_are_suppressed_for_the_whole_characteristic():
    rows = compare_groups({"Female": (3, 10), "Male": (12, 15)}, threshold=5, small_group=20)
    assert all(r.suppressed for r in rows)
    assert {r.rate_text for r in rows} == {"[c]"}
    assert {r.p_text for r in rows} == {"[c]"}


def _people(manager, n, sex, ethnicity=Ethnicity.WHITE_BRITISH, disability=Disability.NO):
    people = []
    for _ in range(n):
        person = ReportFactory(line_manager=manager, department=manager.department)
        EqualityMonitoring.objects.create(
            person=person, sex=sex, ethnicity=ethnicity, disability=disability
        )
        people.append(person)
    return people


def test_the_panel_report_rebuilds_the_example_from_ratings(manager, year, panel, settings):
    women = _people(manager, 10, Sex.FEMALE)
    men = _people(manager, 15, Sex.MALE, Ethnicity.ASIAN_INDIAN)
    ratings = [make_rating(p, year, "achieved" if i < 3 else "partly") for i, p in enumerate(women)]
    ratings += [make_rating(p, year, "exceeded" if i < 12 else "partly") for i, p in enumerate(men)]
    # The panel raises two women from "partly" to "achieved" and confirms everyone else.
    for i, rating in enumerate(ratings):
        decide(rating, panel, what="achieved" if i in (3, 4) else None)
    report = selectors.fairness_report(year=year, department_id=panel.department_id)
    sex = report.characteristics[0]
    assert sex.name == "Sex"
    assert (report.total, report.moderated) == (25, 25)
    before = {r.group: r for r in sex.compare_before}
    after = {r.group: r for r in sex.compare_after}
    assert (before["Female"].achieved, before["Female"].total) == (3, 10)
    assert before["Female"].relative_rate == pytest.approx(0.375)
    assert before["Female"].suppressed  # 3 is under the disclosure threshold of 5
    assert after["Female"].achieved == 5
    assert after["Female"].p_value == pytest.approx(stats.fisher_exact([[5, 5], [12, 3]]).pvalue)
    changes = {label: [c.value for c in cells] for label, cells, _ in sex.changes.rows()}
    assert changes["Female"] == [2, 0, 8]
    assert changes["Male"] == [0, 0, 15]
    assert str(sex.changes.cells[0][0]) == "[c]"  # 2 raised: too few to show
    ethnicity = report.characteristics[1]
    assert "White British" in ethnicity.note
    assert [c.group for c in ethnicity.compare_before] == ["Ethnic minority", "White British"]


def test_the_force_report_counts_everyone_and_leaves_undeclared_uncompared(manager, year):
    person = ReportFactory(line_manager=manager, department=manager.department)
    make_rating(person, year)
    report = selectors.fairness_report(year=year)
    sex = report.characteristics[0]
    totals = {label: total.value for label, _, total in sex.before.rows()}
    assert totals["Not declared"] == 1
    assert report.moderated == 0
    assert [c.total for c in sex.compare_before] == [0, 0]
