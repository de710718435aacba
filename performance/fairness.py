"""Fairness of ratings: each group's rate of "achieved or above" against the rest.

For every group that declared a characteristic we build the 2x2 table

                    achieved or above   below achieved
    the group               a                  b
    everyone else           c                  d

(everyone else = the other people who declared that characteristic; people who did not
declare are shown in the distributions but compared with nobody). The relative rate is
(a / (a + b)) / (c / (c + d)). The significance test is Fisher's exact test when any expected
count is below 5 (Cochran's rule) and Pearson's chi-square (scipy's default, with Yates'
continuity correction on a 2x2 table) otherwise, both two-sided, via scipy.stats.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from scipy import stats

from core.disclosure import SUPPRESSED

FISHER = "Fisher's exact"
CHI_SQUARE = "Chi-square"
EXPECTED_MINIMUM = 5


@dataclass
class Comparison:
    group: str
    achieved: int
    total: int
    rest_achieved: int
    rest_total: int
    test: str = ""
    p_value: float | None = None
    small: bool = False
    suppressed: bool = False

    @property
    def rate(self) -> float | None:
        return self.achieved / self.total if self.total else None

    @property
    def rest_rate(self) -> float | None:
        return self.rest_achieved / self.rest_total if self.rest_total else None

    @property
    def relative_rate(self) -> float | None:
        if self.rate is None or not self.rest_rate:
            return None
        return self.rate / self.rest_rate

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < 0.05

    def _text(self, value, fmt: str) -> str:
        if self.suppressed:
            return SUPPRESSED
        return "" if value is None else fmt.format(value)

    @property
    def rate_text(self) -> str:
        return self._text(self.rate, "{:.1%}")

    @property
    def rest_rate_text(self) -> str:
        return self._text(self.rest_rate, "{:.1%}")

    @property
    def relative_text(self) -> str:
        value = self.relative_rate
        if value is not None:  # half up, as people round by hand: 0.375 -> 0.38
            value = Decimal(f"{value:.9f}").quantize(Decimal("0.01"), ROUND_HALF_UP)
        return self._text(value, "{}")

    @property
    def p_text(self) -> str:
        return self._text(self.p_value, "{:.3f}")


def two_by_two(comparison: Comparison) -> list[list[int]]:
    c = comparison
    return [
        [c.achieved, c.total - c.achieved],
        [c.rest_achieved, c.rest_total - c.rest_achieved],
    ]


def significance(table: list[list[int]]) -> tuple[str, float | None]:
    """(test name, two-sided p-value) for a 2x2 table; Fisher when any expected count < 5."""
    observed = np.array(table)
    if observed.sum(axis=1).min() == 0:
        return "", None
    if observed.sum(axis=0).min() == 0:
        return FISHER, 1.0
    expected = stats.contingency.expected_freq(observed)
    if (expected < EXPECTED_MINIMUM).any():
        return FISHER, float(stats.fisher_exact(observed).pvalue)
    return CHI_SQUARE, float(stats.chi2_contingency(observed).pvalue)


def _is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def compare_groups(
    counts: dict[str, tuple[int, int]], *, threshold: int, small_group: int
) -> list[Comparison]:
    """Each group's (achieved, total) against the other groups together.

    Disclosure control: when any group's achieved or below-achieved count is from 1 to
    threshold-1, every comparison for the characteristic is suppressed (with two groups, one
    group's comparison gives away the other's). Groups under `small_group` people are flagged.
    """
    all_achieved = sum(a for a, _ in counts.values())
    all_total = sum(n for _, n in counts.values())
    hide = any(_is_small(a, threshold) or _is_small(n - a, threshold) for a, n in counts.values())
    rows = []
    for group, (achieved, total) in counts.items():
        row = Comparison(group, achieved, total, all_achieved - achieved, all_total - total)
        row.test, row.p_value = significance(two_by_two(row))
        row.small = total < small_group
        row.suppressed = hide
        rows.append(row)
    return rows
