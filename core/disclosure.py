"""Disclosure control for counts broken down by a protected characteristic.

Primary suppression hides every count from 1 to threshold-1 (cells and totals alike). Secondary
suppression then hides further counts until no hidden count can be worked out exactly from what
is shown: a hidden value is recoverable when its unit vector lies in the row space of the
table's additivity equations restricted to the hidden values, which we test with a rank check.
Hidden values are shown as "[c]" (confidential), as the ONS does.
"""

from dataclasses import dataclass, field

import numpy as np

from core.settings_store import get_setting

SUPPRESSED = "[c]"
DEFAULT_THRESHOLD = 5


@dataclass
class Cell:
    value: int
    suppressed: bool = False

    @property
    def shown(self) -> int | None:
        return None if self.suppressed else self.value

    def __str__(self) -> str:
        return SUPPRESSED if self.suppressed else f"{self.value:,}"


@dataclass
class ProtectedTable:
    row_labels: list[str]
    col_labels: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell]
    col_totals: list[Cell]
    grand_total: Cell
    threshold: int
    rule: str = field(default="")

    @property
    def any_suppressed(self) -> bool:
        everything = [c for row in self.cells for c in row] + self.row_totals + self.col_totals
        return any(c.suppressed for c in [*everything, self.grand_total])

    def rows(self):
        """(label, cells, total) for each row, for templates and exports."""
        return list(zip(self.row_labels, self.cells, self.row_totals, strict=True))


def threshold_setting() -> int:
    return int(get_setting("disclosure-threshold", DEFAULT_THRESHOLD))


def rule_text(threshold: int) -> str:
    return (
        f"Disclosure control: counts from 1 to {threshold - 1} are shown as {SUPPRESSED}, and "
        "further counts are hidden where needed so that no hidden count can be worked out "
        "from the totals."
    )


def _positions(n_rows: int, n_cols: int) -> list[tuple]:
    """Every value in the table: cells (i, j), row totals (i, T), column totals, grand total."""
    cells = [(i, j) for i in range(n_rows) for j in range(n_cols)]
    return [
        *cells,
        *[(i, "T") for i in range(n_rows)],
        *[("T", j) for j in range(n_cols)],
        ("T", "T"),
    ]


def _lines(n_rows: int, n_cols: int) -> list[tuple[list[tuple], tuple]]:
    """The additivity equations: members of each line sum to the line's total."""
    lines = [([(i, j) for j in range(n_cols)], (i, "T")) for i in range(n_rows)]
    lines += [([(i, j) for i in range(n_rows)], ("T", j)) for j in range(n_cols)]
    lines.append(([(i, "T") for i in range(n_rows)], ("T", "T")))
    lines.append(([("T", j) for j in range(n_cols)], ("T", "T")))
    return lines


def _recoverable(hidden: list[tuple], lines) -> list[tuple]:
    """Hidden positions whose value follows exactly from the equations and the shown values."""
    if not hidden:
        return []
    index = {pos: k for k, pos in enumerate(hidden)}
    rows = []
    for members, total in lines:
        row = np.zeros(len(hidden))
        for pos in members:
            if pos in index:
                row[index[pos]] += 1
        if total in index:
            row[index[total]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return []
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for pos, k in index.items():
        unit = np.zeros(len(hidden))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(pos)
    return found


def _complement(pos: tuple, values: dict, hidden: set, lines) -> tuple | None:
    """The smallest shown value sharing a line with `pos`, preferring non-zero counts."""
    neighbours = {
        other
        for members, total in lines
        if pos in members or pos == total
        for other in [*members, total]
        if other not in hidden
    }
    if not neighbours:
        return None
    return min(neighbours, key=lambda p: (values[p] == 0, values[p], str(p)))


def _suppress(values: dict, threshold: int, n_rows: int, n_cols: int) -> set:
    hidden = {pos for pos, v in values.items() if 0 < v < threshold}
    lines = _lines(n_rows, n_cols)
    while True:
        exposed = _recoverable(sorted(hidden, key=str), lines)
        if not exposed:
            return hidden
        extra = _complement(exposed[0], values, hidden, lines)
        if extra is None:
            return hidden
        hidden.add(extra)


def protect_table(
    *,
    row_labels: list[str],
    col_labels: list[str],
    counts: list[list[int]],
    threshold: int | None = None,
) -> ProtectedTable:
    """Apply primary and secondary suppression to a table of counts with its totals."""
    threshold = threshold_setting() if threshold is None else threshold
    n_rows, n_cols = len(row_labels), len(col_labels)
    values = {(i, j): int(counts[i][j]) for i in range(n_rows) for j in range(n_cols)}
    for i in range(n_rows):
        values[(i, "T")] = sum(values[(i, j)] for j in range(n_cols))
    for j in range(n_cols):
        values[("T", j)] = sum(values[(i, j)] for i in range(n_rows))
    values[("T", "T")] = sum(values[(i, "T")] for i in range(n_rows))
    hidden = _suppress(values, threshold, n_rows, n_cols)

    def cell(pos):
        return Cell(values[pos], pos in hidden)

    return ProtectedTable(
        row_labels=list(row_labels),
        col_labels=list(col_labels),
        cells=[[cell((i, j)) for j in range(n_cols)] for i in range(n_rows)],
        row_totals=[cell((i, "T")) for i in range(n_rows)],
        col_totals=[cell(("T", j)) for j in range(n_cols)],
        grand_total=cell(("T", "T")),
        threshold=threshold,
        rule=rule_text(threshold),
    )


def protect_counts(
    counts: dict[str, int], *, label: str = "Count", threshold: int | None = None
) -> ProtectedTable:
    """A one-column breakdown (group -> count) with its total, protected the same way."""
    return protect_table(
        row_labels=list(counts),
        col_labels=[label],
        counts=[[v] for v in counts.values()],
        threshold=threshold,
    )


def protected_share(part: int, whole: int, threshold: int | None = None) -> str:
    """A share as "12.9%", or "[c]" when the part is a small count (1 to threshold-1), or
    "" when nobody is counted."""
    threshold = threshold_setting() if threshold is None else threshold
    if not whole:
        return ""
    if 0 < part < threshold:
        return SUPPRESSED
    return f"{part / whole * 100:.1f}%"
