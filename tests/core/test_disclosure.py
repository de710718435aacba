import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.disclosure import SUPPRESSED, protect_counts, protect_table, protected_share


def test_it_hides_a_small_count_and_a_partner_in_its_row_and_column():
    table = protect_table(
        row_labels=["White", "Asian", "Black"],
        col_labels=["F", "M"],
        counts=[[40, 50], [3, 20], [12, 18]],
        threshold=5,
    )
    assert str(table.cells[1][0]) == SUPPRESSED
    hidden = [(i, j) for i in range(3) for j in range(2) if table.cells[i][j].suppressed]
    assert len([c for c in hidden if c[0] == 1]) >= 2  # row of the 3 has a partner
    assert len([c for c in hidden if c[1] == 0]) >= 2  # column of the 3 has a partner
    assert "[c]" in table.rule


def test_it_leaves_a_table_of_large_counts_alone():
    table = protect_table(
        row_labels=["a", "b"], col_labels=["x", "y"], counts=[[10, 20], [30, 40]], threshold=5
    )
    assert not table.any_suppressed
    assert table.grand_total.value == 100


def test_a_one_column_breakdown_hides_a_second_group_too():
    table = protect_counts({"White": 80, "Mixed": 2, "Asian": 9, "Black": 11}, threshold=5)
    hidden = [label for label, cells, _ in table.rows() if cells[0].suppressed]
    assert "Mixed" in hidden and len(hidden) >= 2
    assert not table.grand_total.suppressed


def test_a_share_of_a_small_count_is_hidden():
    assert protected_share(3, 40, threshold=5) == SUPPRESSED
    assert protected_share(8, 40, threshold=5) == "20.0%"
    assert protected_share(0, 0, threshold=5) == ""


def _recoverable(table, n_rows, n_cols):
    """Brute check: is any hidden value pinned down by the shown values and the totals?"""
    from core.disclosure import _lines
    from core.disclosure import _recoverable as recover

    hidden = [(i, j) for i in range(n_rows) for j in range(n_cols) if table.cells[i][j].suppressed]
    hidden += [(i, "T") for i in range(n_rows) if table.row_totals[i].suppressed]
    hidden += [("T", j) for j in range(n_cols) if table.col_totals[j].suppressed]
    if table.grand_total.suppressed:
        hidden.append(("T", "T"))
    return recover(sorted(hidden, key=str), _lines(n_rows, n_cols))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(0, 30), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_no_hidden_count_can_be_worked_out(counts):
    n_rows, n_cols = len(counts), len(counts[0])
    table = protect_table(
        row_labels=[str(i) for i in range(n_rows)],
        col_labels=[str(j) for j in range(n_cols)],
        counts=counts,
        threshold=5,
    )
    for i in range(n_rows):
        for j in range(n_cols):
            if 0 < counts[i][j] < 5:
                assert table.cells[i][j].suppressed
    assert _recoverable(table, n_rows, n_cols) == []
    assert np.sum(counts) == table.grand_total.value
