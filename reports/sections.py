"""Section builders, one function per section of a report, and the board pack's order.

Each builder is `fn(period, parameters) -> list[Section]`. To add an app's section after its
selectors are merged: write the function here (or in reports/sections_<app>.py), reading only
the app's selectors, then put it in BOARD_PACK_SECTIONS at the place its paragraph has in the
board paper. docs/REPORTS.md lists each planned section with the selector it expects. A section
whose app is not wired yet is simply not listed: no figure is ever made up.
"""

from datetime import date, timedelta

from core.disclosure import SUPPRESSED, protect_table, protected_share, threshold_setting
from core.equality import DEFINITION_NOTES, MinorityDefinition
from people import selectors as people_selectors
from people.models import PersonType
from reports import (
    figures,
    sections_adjustments,
    sections_performance,
    sections_programmes,
    sections_recruitment,
    sections_welfare,
)
from reports.registry import Chart, Period, Section, Table

EFFECTIVE_DATED_NOTE = (
    "Each figure counts the employment record in force on the day shown (the effective-dated "
    "workforce history), so a later promotion or leaver does not change an earlier column."
)


def jan_firsts(period: Period) -> list[date]:
    """1 January of each of the five years up to the period's end, newest first."""
    latest = period.end.year
    return [date(year, 1, 1) for year in range(latest, latest - 5, -1)]


def _share_rule(threshold: int) -> str:
    return (
        f"Disclosure control: a share whose ethnic minority count is from 1 to {threshold - 1} "
        f"is shown as {SUPPRESSED}."
    )


def _as_number(share: str) -> float | None:
    return float(share.rstrip("%")) if share.endswith("%") else None


def _share_table(*, caption, heading, rows, days, threshold, what) -> Table:
    """Shares by row for each day (newest first), with a line chart oldest to newest."""
    body = [
        [row["label"], *[protected_share(*row["counts"][d], threshold=threshold) for d in days]]
        for row in rows
    ]
    oldest_first = list(reversed(days))
    series = {
        line[0]: [_as_number(v) for v in reversed(line[1:])]
        for line in body
        if any(v.endswith("%") for v in line[1:])
    }
    total = body[-1]
    chart = (
        None
        if not series
        else Chart(
            title=caption,
            x_labels=[d.strftime("%Y") for d in oldest_first],
            series=series,
            y_label="Ethnic minority share (%)",
            alt=(
                f"Line chart of {what} as at 1 January, {oldest_first[0]:%Y} to "
                f"{oldest_first[-1]:%Y}. {total[0]}: {total[-1] or 'no data'} in "
                f"{oldest_first[0]:%Y} and {total[1] or 'no data'} in {oldest_first[-1]:%Y}. "
                "Every figure is in the table beside the chart."
            ),
        )
    )
    return Table(
        caption=caption,
        columns=[heading, *[d.strftime("%d/%m/%Y") for d in days]],
        rows=body[:-1],
        footer=[body[-1]],
        chart=chart,
    )


def _definition(parameters: dict) -> str:
    return parameters.get("definition", MinorityDefinition.EMG)


def force_strength(period: Period, parameters: dict) -> list[Section]:
    """Board paper §3-5: ethnic minority share by staff type, 1 January of five years."""
    days, definition, threshold = jan_firsts(period), _definition(parameters), threshold_setting()
    rows = people_selectors.representation_by_staff_type(days=days, definition=definition)
    table = _share_table(
        caption="Ethnic minority share by staff type as at 1 January",
        heading="Staff type",
        rows=rows,
        days=days,
        threshold=threshold,
        what="the ethnic minority share by staff type",
    )
    notes = [DEFINITION_NOTES[definition], _share_rule(threshold), EFFECTIVE_DATED_NOTE]
    return [Section("force-strength", "Force strength position", [table], notes=notes)]


def police_officer_rank_view(period: Period, parameters: dict) -> list[Section]:
    """Board paper §6-7: ethnic minority share of police officers by rank."""
    days, definition, threshold = jan_firsts(period), _definition(parameters), threshold_setting()
    rows = people_selectors.representation_by_rank(days=days, definition=definition)
    table = _share_table(
        caption="Ethnic minority share of police officers by rank as at 1 January",
        heading="Rank",
        rows=rows,
        days=days,
        threshold=threshold,
        what="the ethnic minority share of police officers by rank",
    )
    notes = [
        DEFINITION_NOTES[definition],
        _share_rule(threshold),
        "Senior ranks hold few officers, so one promotion or retirement moves their share a lot.",
    ]
    return [Section("rank-view", "Police officer rank view", [table], notes=notes)]


def workforce_by_ethnic_group(period: Period, parameters: dict) -> list[Section]:
    """The headcounts behind the shares: ethnic group by staff type on the period's last day."""
    day = period.end
    row_labels, col_labels, counts = figures.workforce_by_ethnic_group(day=day)
    protected = protect_table(row_labels=row_labels, col_labels=col_labels, counts=counts)
    table = Table.from_protected(
        caption=f"Headcount by ethnic group and staff type on {day:%d/%m/%Y}",
        row_heading="Ethnic group (ONS 2021)",
        table=protected,
    )
    notes = [
        "Ethnic groups are the five ONS 2021 high-level groups; 'Not declared' counts "
        "'prefer not to say' and colleagues who have not answered.",
        protected.rule,
        EFFECTIVE_DATED_NOTE,
    ]
    return [Section("ethnic-group", "Workforce by ethnic group", [table], notes=notes)]


def _month_ends(period: Period, count: int = 5) -> list[date]:
    ends, day = [], period.end
    while len(ends) < count:
        ends.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return list(reversed(ends))


def special_constables(period: Period, parameters: dict) -> list[Section]:
    """Board paper §40: special constables in post at the end of each of the last five months."""
    days = _month_ends(period)
    counts = [figures.headcount(day=d, person_type=PersonType.SPECIAL_CONSTABLE) for d in days]
    table = Table(
        caption="Special constables in post at the end of each month",
        columns=["", *[d.strftime("%b-%y") for d in days]],
        rows=[["Special constables", *counts]],
    )
    notes = [
        "Headcount from the effective-dated workforce history on the last day of each month.",
        "Hours on duty are not recorded in Peel, so the paper's hours rows are not reproduced.",
    ]
    return [Section("specials", "Special constable progress", [table], notes=notes)]


# The board paper's order (paragraph numbers of the April 2022 paper).
BOARD_PACK_SECTIONS = (
    force_strength,  # §3-5
    police_officer_rank_view,  # §6-7
    workforce_by_ethnic_group,  # the counts behind §3
    sections_recruitment.uplift,  # §8-9
    sections_welfare.retention,  # §10-12
    sections_welfare.welfare_cases_year,  # §13-15, §27-38
    special_constables,  # §40
    sections_recruitment.specials_recruited,  # §40
    sections_adjustments.staff_disability,  # §41-47
    sections_performance.performance_management,  # §48-51
    sections_performance.promotions,  # §56
    sections_programmes.change_programmes,  # §57-70, Tables 1 and 2
)

WORKFORCE_SECTIONS = (force_strength, police_officer_rank_view, workforce_by_ethnic_group)
