"""Performance sections (board paper §48-51 performance management, §56 promotions) and the
cycle completion and moderation fairness report, read only from `performance.selectors`
(which uses `performance.fairness`). Aggregates only: never a person's rating."""

from core.disclosure import threshold_setting
from core.equality import MinorityDefinition
from performance import selectors
from reports.registry import Chart, Period, Section, Table

AFTER_NOTE = (
    "'After moderation' counts the ratings a panel has decided so far; 'before' counts every "
    "provisional rating."
)
FAIRNESS_NOTE = (
    "Fairness: each group's rate of 'achieved or above' against everyone else who declared "
    "the characteristic; relative rate = group rate / rest rate; Fisher's exact test when any "
    "expected count is below 5, else chi-square (two-sided). When any group's achieved or "
    "below-achieved count is small, every comparison for that characteristic is shown as [c]; "
    "a group under the small-group setting is flagged."
)


def performance_year(period: Period):
    """The latest performance year that had ended by the period's last day (the board reports
    a finished cycle), else the year containing that day."""
    current, every = selectors.year_choice(day=period.end)
    ended = [y for y in every if y.financial_year.end <= period.end]
    return max(ended, key=lambda y: y.start_year) if ended else current


def completion_table(year) -> Table:
    shares = selectors.conversation_shares(year=year)
    return Table(
        caption=f"Performance conversations, {year.label}",
        columns=["Measure", "Colleagues", "Of", "Share"],
        rows=[
            ["Individual objectives set", *_share(shares["objectives"])],
            ["Year-end conversations completed", *_share(shares["reviews"])],
        ],
    )


def _share(share) -> list:
    return [share.part, share.whole, share.text]


def distribution_table(year, measure: str) -> Table:
    rows = selectors.rating_distribution(year=year, measure=measure)
    label = {"what": "'What' (objectives and role)", "how": "'How' (behaviours and values)"}
    chart = None
    if any(r["before"] or r["after"] for r in rows):
        chart = Chart(
            title=f"{label[measure]} ratings before and after moderation",
            x_labels=[r["level"].label for r in rows],
            series={
                "Before (provisional)": [r["before"] for r in rows],
                "After moderation": [r["after"] for r in rows],
            },
            y_label="Ratings",
            kind="bar",
            alt=(
                f"Bar chart of {label[measure]} ratings by level, before and after "
                "moderation: "
                + "; ".join(f"{r['level'].label} {r['before']} then {r['after']}" for r in rows)
                + "."
            ),
        )
    return Table(
        caption=f"{label[measure]} rating distribution, {year.label}",
        columns=["Level", "Before moderation", "After moderation"],
        rows=[[r["level"].label, r["before"], r["after"]] for r in rows],
        footer=[
            ["Total", sum(r["before"] for r in rows), sum(r["after"] for r in rows)],
        ],
        chart=chart,
    )


def fairness_tables(year, *, department_id=None, detail=False) -> tuple[list[Table], list[str]]:
    report = selectors.fairness_report(year=year, department_id=department_id)
    rows = []
    for item in report.characteristics:
        for stage, comparisons in (("Before", item.compare_before), ("After", item.compare_after)):
            for c in comparisons:
                flag = "Small group" if c.small else ""
                rows.append(
                    [
                        f"{item.name}: {c.group}",
                        stage,
                        c.rate_text,
                        c.rest_rate_text,
                        c.relative_text,
                        c.test,
                        c.p_text,
                        flag,
                    ]
                )
    tables = [
        Table(
            caption=f"Moderation fairness: 'what' rating of achieved or above, {year.label}",
            columns=["Group", "Stage", "Rate", "Rest", "Relative", "Test", "p", "Warning"],
            rows=rows,
        )
    ]
    notes = [FAIRNESS_NOTE, report.definition_note]
    if detail:
        for item in report.characteristics:
            for stage, protected in (("before", item.before), ("after", item.after)):
                tables.append(
                    Table.from_protected(
                        caption=f"'What' ratings {stage} moderation by {item.name.lower()}",
                        row_heading=item.name,
                        table=protected,
                    )
                )
            notes.append(item.before.rule)
    return tables, list(dict.fromkeys(notes))


def promotion_table(definition: str) -> tuple[Table | None, str]:
    data = selectors.promotion_success_table(definition=definition)
    if not data["rows"]:
        return None, ""

    def line(row):
        return [
            row["label"],
            row["applicants"],
            row["successful"],
            row["rate"],
            row["female_rate"],
            row["minority_rate"],
        ]

    table = Table(
        caption="Promotion processes: applicants and success rates",
        columns=[
            "Process",
            "Applicants",
            "Successful",
            "Success rate",
            "Female success rate",
            "Ethnic minority success rate",
        ],
        rows=[line(r) for r in data["rows"]],
        footer=[line(data["total"])],
    )
    return table, data["definition_note"]


def performance_management(period: Period, parameters: dict) -> list[Section]:
    """Board paper §48-51: objectives set, year-end conversations, rating distributions
    before and after moderation, and the fairness summary."""
    year = performance_year(period)
    if year is None:
        return []
    tables = [completion_table(year), distribution_table(year, "what")]
    tables.append(distribution_table(year, "how"))
    fairness, notes = fairness_tables(year)
    return [
        Section(
            "performance",
            "Performance management",
            tables + fairness,
            notes=[
                f"Performance year {year.label} (April to March); colleagues in a department "
                "at some point in the year are the denominator.",
                AFTER_NOTE,
                *notes,
            ],
        )
    ]


def promotions(period: Period, parameters: dict) -> list[Section]:
    """Board paper §56: promotion processes with overall, female and ethnic minority rates."""
    definition = parameters.get("definition", MinorityDefinition.EMG)
    table, note = promotion_table(definition)
    if table is None:
        return []
    rule = (
        "Disclosure control: a group's success rate is shown as [c] when the group, its "
        f"successes or its unsuccessful applicants number from 1 to {threshold_setting() - 1}."
    )
    return [Section("promotions", "Promotions", [table], notes=[note, rule])]


def cycle_and_fairness(period: Period, parameters: dict) -> list[Section]:
    """The people analysts' report: completion, distributions, and fairness in detail."""
    year = selectors.year_for(period.start.year)
    if year is None:
        return []
    fairness, notes = fairness_tables(year, detail=True)
    notes = [AFTER_NOTE, *notes]
    tables = [completion_table(year), distribution_table(year, "what")]
    tables += [distribution_table(year, "how"), *fairness]
    title = f"Performance cycle {year.label}: completion and fairness"
    return [Section("cycle", title, tables, notes=notes)]
