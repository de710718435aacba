"""More properties of core.disclosure, checked independently of its own rank test.

tests/core/test_disclosure.py checks that no hidden value is fixed by the table's linear
equations, using the module's own `_recoverable`. Here a linear programme (scipy) finds the
smallest and largest value each hidden count could take given everything shown, the totals
and that counts are never negative: the two must differ, so no hidden count can be worked
out, not even by an attacker who knows counts cannot be negative.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from core.disclosure import SUPPRESSED, _lines, _positions, protect_table, protected_share

tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 25), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


def _shown(table, pos):
    i, j = pos
    if i == "T" and j == "T":
        return table.grand_total
    if j == "T":
        return table.row_totals[i]
    if i == "T":
        return table.col_totals[j]
    return table.cells[i][j]


def _range_of_each_hidden_value(table, n_rows, n_cols):
    positions = _positions(n_rows, n_cols)
    hidden = [p for p in positions if _shown(table, p).suppressed]
    index = {p: k for k, p in enumerate(hidden)}
    a_eq, b_eq = [], []
    for members, total in _lines(n_rows, n_cols):
        row, rhs = np.zeros(len(hidden)), 0.0
        for pos, sign in [*((m, 1) for m in members), (total, -1)]:
            if pos in index:
                row[index[pos]] += sign
            else:
                rhs -= sign * _shown(table, pos).value
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
    ranges = {}
    for pos, k in index.items():
        objective = np.zeros(len(hidden))
        objective[k] = 1
        low = linprog(objective, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None))
        high = linprog(-objective, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None))
        ranges[pos] = (low.fun, -high.fun if high.status == 0 else float("inf"))
    return ranges


@settings(max_examples=60, deadline=None)
@given(tables)
def test_no_hidden_count_is_pinned_down_even_knowing_counts_are_not_negative(counts):
    n_rows, n_cols = len(counts), len(counts[0])
    table = protect_table(
        row_labels=[str(i) for i in range(n_rows)],
        col_labels=[str(j) for j in range(n_cols)],
        counts=counts,
        threshold=5,
    )
    for pos, (low, high) in _range_of_each_hidden_value(table, n_rows, n_cols).items():
        assert high - low > 0.5, (pos, low, high)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_every_small_count_is_hidden_totals_included(counts):
    n_rows, n_cols = len(counts), len(counts[0])
    table = protect_table(
        row_labels=[str(i) for i in range(n_rows)],
        col_labels=[str(j) for j in range(n_cols)],
        counts=counts,
        threshold=5,
    )
    for pos in _positions(n_rows, n_cols):
        cell = _shown(table, pos)
        if 0 < cell.value < 5:
            assert cell.suppressed and str(cell) == SUPPRESSED


@given(st.integers(0, 200), st.integers(0, 200))
def test_a_share_shows_a_percentage_only_for_a_count_at_or_over_the_threshold(part, extra):
    whole = part + extra
    shown = protected_share(part, whole, threshold=5)
    if whole == 0:
        assert shown == ""
    elif 0 < part < 5:
        assert shown == SUPPRESSED
    else:
        assert shown == f"{part / whole * 100:.1f}%"
