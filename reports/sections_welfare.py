"""Welfare and retention sections (board paper §10-15 and §27-38), read only from
`welfare.figures`. Totals are summed from the rows, never copied from the paper."""

from datetime import timedelta

from core.equality import MinorityDefinition
from reports.registry import Chart, Period, Section, Table
from welfare import figures

RETENTION_NOTE = (
    "Recruited: student officers on a constable route whose probation started on or before the "
    "period's last day; leavers: those who left before being confirmed in rank, by that day. "
    "The total row is the sum of the route rows, computed from records (the paper's own total "
    "row did not add up)."
)


def _pct(value) -> str:
    return "" if value is None else f"{value}%"


def retention_table(period: Period) -> Table:
    rows, total = figures.retention_by_route(figures.Cohort(as_at=period.end))

    def line(row):
        return [row.label, row.recruited, row.leavers, _pct(row.retention)]

    chart = None
    if rows:
        chart = Chart(
            title="Retention during probation by entry route",
            x_labels=[r.label for r in rows],
            series={"Retention %": [float(r.retention or 0) for r in rows]},
            y_label="Retained (%)",
            kind="bar",
            alt=(
                "Bar chart of the share of student officers retained during probation by "
                f"entry route, as at {period.end:%d/%m/%Y}: "
                + "; ".join(f"{r.label} {_pct(r.retention)}" for r in rows)
                + f"; all routes {_pct(total.retention)}."
            ),
        )
    return Table(
        caption=f"Retention by entry route during probation, as at {period.end:%d/%m/%Y}",
        columns=["Entry route", "Recruited", "Leavers", "Retention rate"],
        rows=[line(r) for r in rows],
        footer=[line(total)],
        chart=chart,
    )


def retention_by_ethnicity_table(period: Period, definition: str) -> tuple[Table, list[str]]:
    protected, note = figures.retention_by_ethnicity(
        figures.Cohort(as_at=period.end), definition=definition
    )
    table = Table.from_protected(
        caption="Student officers who stayed and who left during probation, by ethnic group",
        row_heading="Ethnic group",
        table=protected,
    )
    return table, [note, protected.rule]


def retention(period: Period, parameters: dict) -> list[Section]:
    """Board paper §10-12: retention by entry route, with the same cohort by ethnic group."""
    definition = parameters.get("definition", MinorityDefinition.EMG)
    by_ethnicity, notes = retention_by_ethnicity_table(period, definition)
    return [
        Section(
            "retention",
            "Retention by entry route during probation",
            [retention_table(period), by_ethnicity],
            notes=[RETENTION_NOTE, *notes],
        )
    ]


def _count_table(caption: str, heading: str, rows, total_label="Total") -> Table:
    return Table(
        caption=caption,
        columns=[heading, "Number"],
        rows=[[label, n] for label, n in rows],
        footer=[[total_label, sum(n for _, n in rows)]] if total_label else [],
    )


def _first_contact_table(period: Period) -> Table:
    contact = figures.first_contact_times(start=period.start, end=period.end)
    median = contact["median_days"]
    return Table(
        caption=f"First contact with the student officer (cases notified {_window(period)})",
        columns=["Measure", "Value"],
        rows=[
            ["Cases contacted", contact["contacted"]],
            ["Median working days from notification to first contact", median],
            ["Contacted within the target", contact["within_target"]],
            ["Share contacted within the target", _pct(contact["within_share"])],
        ],
    )


def _window(period: Period) -> str:
    return f"{period.start:%d/%m/%Y} to {period.end:%d/%m/%Y}"


def twelve_months_to(period: Period) -> Period:
    """The twelve months ending on the period's last day (the board pack's window)."""
    end = period.end
    following = end + timedelta(days=1)
    start = following.replace(year=following.year - 1)
    return Period(start, end, f"twelve months to {end:%d/%m/%Y}")


def welfare_cases_year(period: Period, parameters: dict) -> list[Section]:
    """The board pack's welfare section: cases over the twelve months to the period's end."""
    return welfare_cases(twelve_months_to(period), parameters)


def welfare_cases(period: Period, parameters: dict) -> list[Section]:
    """Board paper §13-15, §27-38: leavers by theme and length of service, cases by outcome,
    retained after support, days to first contact."""
    cohort = figures.Cohort(as_at=period.end)
    themes, leavers = figures.leavers_by_theme(cohort)
    kept = figures.retained_after_intervention(start=period.start, end=period.end)
    tables = [
        Table(
            caption="Leavers during probation by reason theme (a leaver may give several)",
            columns=["Reason theme", "Leavers"],
            rows=[[label, n] for label, n in themes],
            footer=[["Leavers", leavers]],
        ),
        _count_table(
            "Leavers during probation by length of service",
            "Length of service",
            figures.leavers_by_length_of_service(cohort),
        ),
        _count_table(
            f"Welfare cases notified {_window(period)} by outcome",
            "Outcome",
            figures.cases_by_outcome(start=period.start, end=period.end),
        ),
        Table(
            caption=f"Closed cases where support was offered (notified {_window(period)})",
            columns=["Measure", "Value"],
            rows=[
                ["Closed with support offered", kept["closed"]],
                ["Retained", kept["retained"]],
                ["Moved to a police staff role", kept["staff_role"]],
                ["Share retained", _pct(kept["retained_share"])],
                ["Share kept in the force", _pct(kept["kept_share"])],
            ],
        ),
        _first_contact_table(period),
    ]
    notes = [
        "Leavers and themes cover every student officer cohort as at the last day shown; "
        "cases, outcomes and first contact cover cases notified in the dates shown.",
        "First contact is counted in working days; the target is the one that applied when "
        "each case opened.",
    ]
    return [Section("welfare", "Student officer welfare and leavers", tables, notes=notes)]
