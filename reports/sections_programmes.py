"""Change programmes and benefits sections (board paper §57-70, Tables 1 and 2) and the
quarterly benefits position, read only from `programmes.selectors`. The registers hold no
personal data. Sign convention as the paper: costs positive, benefits negative."""

from decimal import Decimal

from people.roles import Role
from programmes import selectors
from reports.registry import Chart, Period, Section, Table


class ReportReader:
    """Who the report reads the registers as. `programmes.selectors` is scoped by `user=`;
    a report is built by a worker with no user, and who may read the built report is decided
    by the report's audience (reports/permissions.py). This reader holds only the benefits
    analyst's role, which reads the registers, and is never saved or signed in."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    pk = None
    _peel_roles = frozenset({Role.BENEFITS_ANALYST.value})


READER = ReportReader()


def _money(value) -> int:
    """Whole pounds as a number (XLSX keeps it numeric)."""
    return int(Decimal(value or 0).quantize(Decimal("1")))


def _fte(value) -> float:
    return float(value or 0)


def table_1(period: Period) -> Table:
    data = selectors.table_1(user=READER)
    keys = [name for name, *_ in data["columns"]] + ["total"]
    columns = ["Programme / project", *[label for _, label, _ in data["columns"]], "Total £"]
    rows, programmes = [], []
    for group in data["groups"]:
        rows.append([group["label"], *[None] * len(keys)])
        for row in group["rows"]:
            rows.append([row["programme"], *[_money(row[k]) for k in keys]])
            programmes.append(row)
            rows += [
                [f"Project: {p['project']}", *[_money(p[k]) for k in keys]]
                for p in row["project_rows"]
            ]
    return Table(
        caption="Table 1: cost and benefit by programme and project (all financial years)",
        columns=columns,
        rows=rows,
        footer=[["Grand total", *[_money(data["total"][k]) for k in keys]]],
        chart=_table_1_chart(programmes) if programmes else None,
    )


def _millions(value) -> float:
    return round(float(value) / 1_000_000, 2)


def _table_1_chart(programmes: list[dict]) -> Chart:
    costs = [p["capital"] + p["one_off_costs"] + p["recurring_costs"] for p in programmes]
    benefits = [p["cashable_benefits"] + p["non_cashable_benefits"] for p in programmes]
    return Chart(
        title="Table 1 by programme: costs and benefits (£ million)",
        x_labels=[p["programme"] for p in programmes],
        series={
            "Costs": [_millions(c) for c in costs],
            "Benefits (negative)": [_millions(b) for b in benefits],
        },
        y_label="£ million",
        kind="bar",
        alt=(
            "Bar chart of each programme's costs (above zero) and benefits (below zero, as in "
            "Table 1), in £ million: "
            + "; ".join(
                f"{p['programme']} costs {_millions(c):,.2f}, benefits {_millions(b):,.2f}"
                for p, c, b in zip(programmes, costs, benefits, strict=True)
            )
            + "."
        ),
    )


def table_2(period: Period) -> Table:
    data = selectors.table_2(user=READER)
    portfolios = list(data["portfolios"])

    def line(row):
        return [row["label"], *[_fte(row["cells"][v]) for v, _ in portfolios], _fte(row["total"])]

    rows = []
    for group in data["groups"]:
        rows.append([group["label"], *[None] * (len(portfolios) + 1)])
        rows += [line(r) for r in group["rows"]]
        rows.append(line(group["total"]))
    return Table(
        caption="Table 2: efficiencies in full-time equivalents by executive portfolio",
        columns=["Status / project", *[label for _, label in portfolios], "Total"],
        rows=rows,
        footer=[line(data["total"])],
    )


def by_department(period: Period) -> Table:
    data = selectors.share_by_department(user=READER)
    return Table(
        caption="Benefits by owning department (withdrawn benefits left out)",
        columns=["Department", "Benefits", "Share", "Planned £ (financial benefits)"],
        rows=[
            [r["department"], r["benefits"], f"{r['share']:.1%}", _money(r["planned"])]
            for r in data["rows"]
        ],
        footer=[
            ["Total", data["total"], "100.0%" if data["total"] else "", _money(data["planned"])]
        ],
    )


MONEY_KEYS = ("planned", "forecast", "actual")


def planned_vs_actual(period: Period) -> Table:
    data = selectors.planned_against_actual(user=READER)

    def optional(value):
        return None if value is None else _money(value)

    return Table(
        caption="Financial benefits by year: planned, forecast and actual (£)",
        columns=["Financial year", "Planned", "Forecast", "Actual", "Actual less planned"],
        rows=[
            [
                r["financial_year"],
                _money(r["planned"]),
                optional(r["forecast"]),
                optional(r["actual"]),
                optional(r["variance"]),
            ]
            for r in data["rows"]
        ],
        footer=[["Total", *[_money(data["total"][k]) for k in MONEY_KEYS], None]],
    )


NOTES = [
    selectors.SIGN_CONVENTION,
    "Table 2: negative FTE are posts freed (efficiencies), as in the paper.",
    "Planned against actual: cashable and non-cashable benefits, in pounds as positive "
    "amounts here; dis-benefits subtract; withdrawn benefits are left out.",
]


def change_programmes(period: Period, parameters: dict) -> list[Section]:
    """Board paper §57-70: Table 1, Table 2, benefits by department, planned against actual."""
    tables = [table_1(period), table_2(period), by_department(period), planned_vs_actual(period)]
    return [
        Section(
            "programmes",
            "Change programmes and the annual benefits review",
            tables,
            notes=NOTES,
        )
    ]


def benefits_position(period: Period, parameters: dict) -> list[Section]:
    """The benefits analysts' quarterly position: the same tables, as they stand now."""
    tables = [table_1(period), planned_vs_actual(period), by_department(period), table_2(period)]
    return [Section("benefits", "Benefits position", tables, notes=NOTES)]
