"""Recruitment sections (board paper §8-9 uplift, §40 specials recruited, and the weekly
pipeline), read only from `recruitment.figures` and `recruitment.selectors`.

Every breakdown by sex, ethnicity or disability comes from `funnel_by_group` or `intake_share`,
which apply `core.disclosure` themselves; this module only lays their protected cells out.
"""

from core.disclosure import SUPPRESSED, protected_share, threshold_setting
from people.models import EntryRoute
from recruitment import figures
from reports.registry import Chart, Period, Section, Table

CHARACTERISTICS = (("ethnicity", "ethnic group"), ("sex", "sex"), ("disability", "disability"))
SOURCES_NOTE = (
    "EOIs are counted by where they were captured (their sources): someone captured by two "
    "channels counts once in each, so channels can be compared; merged duplicates keep both."
)


def eois_by_channel_table(period: Period) -> Table:
    rows = figures.eois_by(dimension="channel", start=period.start, end=period.end)
    chart = None
    if rows:
        top = rows[0]
        chart = Chart(
            title="EOIs by channel",
            x_labels=[label for label, _ in rows],
            series={"EOIs": [n for _, n in rows]},
            y_label="EOIs captured",
            kind="bar",
            alt=(
                f"Bar chart of EOIs captured by channel from {period.start:%d/%m/%Y} to "
                f"{period.end:%d/%m/%Y}: {len(rows)} channels; the most, {top[1]}, from "
                f"{top[0]}. Every figure is in the table beside the chart."
            ),
        )
    return Table(
        caption="Expressions of interest by channel",
        columns=["Channel", "EOIs"],
        rows=[[label, n] for label, n in rows],
        footer=[["Total", sum(n for _, n in rows)]],
        chart=chart,
    )


def funnel_by_route_table(period: Period) -> Table:
    funnel = figures.funnel_by_route(start=period.start, end=period.end)
    return Table(
        caption="Funnel by entry route: EOIs received in the period and how far they got",
        columns=["Route", *funnel["stages"]],
        rows=[[label, *counts] for label, counts in funnel["rows"]],
    )


def funnel_by_group_tables(period: Period, characteristic: str, what: str):
    """The funnel for each group (protected stage by stage) and the relative rates."""
    funnel = figures.funnel_by_group(
        start=period.start, end=period.end, characteristic=characteristic
    )
    counts = Table.from_cells(
        caption=f"Funnel by {what}",
        columns=["Stage", *funnel["groups"], "Total"],
        rows=funnel["rows"],
    )
    relative_groups = list(funnel["relative"])
    relative = Table(
        caption=(
            f"Funnel by {what}: each group's rate from EOI to the stage relative to "
            f"{funnel['comparison']}"
        ),
        columns=["Stage", *relative_groups],
        rows=[[stage, *values] for stage, values in funnel["relative_rows"]],
    )
    return [counts, relative], [funnel["rule"], funnel["note"]]


def intake_share_table(period: Period, route: str | None = None) -> tuple[Table, dict]:
    share = figures.intake_share(start=period.start, end=period.end)
    rows = [r for r in share["rows"] if route is None or r[0].route == route]
    body = [
        [
            f"{intake.name} ({intake.start_date:%d/%m/%Y})",
            n,
            _small_whole(minority, intake.declared),
            _small_whole(female, intake.sex_declared),
        ]
        for intake, n, minority, female in rows
    ]
    keys = ("minority", "declared", "female", "sex_declared")
    totals = {k: sum(getattr(r[0], k) for r in rows) for k in keys}
    footer = [
        "Total",
        sum(r[1] for r in rows),
        protected_share(totals["minority"], totals["declared"]),
        protected_share(totals["female"], totals["sex_declared"]),
    ]
    table = Table(
        caption="Intakes starting in the period: starters and under-represented shares",
        columns=["Intake", "Started", "Ethnic minority share", "Female share"],
        rows=body,
        footer=[footer],
    )
    return table, {**share, "footer": footer}


def uplift(period: Period, parameters: dict) -> list[Section]:
    """Board paper §8-9: EOIs by channel, the funnel by route and by group, and the ethnic
    minority share of intakes against the target."""
    intakes, share = intake_share_table(period)
    tables = [eois_by_channel_table(period), funnel_by_route_table(period)]
    notes = [SOURCES_NOTE]
    for characteristic, what in CHARACTERISTICS:
        more, more_notes = funnel_by_group_tables(period, characteristic, what)
        tables += more
        notes += [n for n in more_notes if n and n not in notes]
    tables.append(intakes)
    intro = (
        f"Intakes starting in the period: {share['started']} starters; ethnic minority share "
        f"of those who declared {share['share'] or 'not available'} against the target of "
        f"{share['target']:g}%."
    )
    notes += [
        share["note"],
        _share_rule(),
        f"Target: {share['target']:g}% ethnic minority representation (the census figure the "
        "paper uses; setting recruitment-under-represented-target).",
        "Relative rate: (the group reaching the stage / the group's EOIs) divided by the same "
        "rate for the comparison group; a rate resting on a small count shows [c].",
    ]
    return [Section("uplift", "Uplift and recruitment", tables, intro=intro, notes=_unique(notes))]


def specials_recruited(period: Period, parameters: dict) -> list[Section]:
    """Board paper §40: special constables recruited (intakes on the Special Constable route
    starting in the period), with the female and ethnic minority shares."""
    table, share = intake_share_table(period, route=EntryRoute.SPECIAL)
    if not table.rows:
        return []
    table.caption = "Special constables recruited: intakes starting in the period"
    notes = [share["note"], _share_rule()]
    return [Section("specials-recruited", "Special constables recruited", [table], notes=notes)]


def _small_whole(share: str, whole: int) -> str:
    """The report's stricter rule for a board: a share of fewer people than the threshold is
    hidden too (0% of four starters would say all four are men)."""
    return SUPPRESSED if share and whole < threshold_setting() else share


def _share_rule() -> str:
    threshold = threshold_setting()
    return (
        f"Disclosure control: a share whose count is from 1 to {threshold - 1}, or that is a "
        f"share of fewer than {threshold} people, is shown as {SUPPRESSED}."
    )


def _unique(notes: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in notes if n))


def pipeline_week(period: Period, parameters: dict) -> list[Section]:
    """The weekly pipeline for recruitment officers: EOIs by channel and the funnel by route
    for the week, and the funnel by group (aggregate, protected)."""
    tables = [eois_by_channel_table(period), funnel_by_route_table(period)]
    notes = [SOURCES_NOTE]
    more, more_notes = funnel_by_group_tables(period, "ethnicity", "ethnic group")
    tables += more
    notes += more_notes
    intakes, _share = intake_share_table(period)
    if intakes.rows:
        tables.append(intakes)
    return [Section("pipeline", "Recruitment pipeline this week", tables, notes=_unique(notes))]
