"""The report engine's vocabulary: periods, tables, charts, sections and report types.

A report type is a list of section builders. Each builder takes the period and the run's
parameters and returns the sections it contributes (none when it has nothing to say). Tables
of counts by a protected characteristic are made with `Table.from_protected(...)`, so they have
been through `core.disclosure.protect_table` before they reach any file; a table that says it
is such a breakdown but was not protected is refused when it is made.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from core.disclosure import Cell, ProtectedTable

CellValue = str | int | float | None


class ReportDefinitionError(ValueError):
    """A report or section breaks one of the engine's rules (a programming error)."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    label: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}:{self.end.isoformat()}"


@dataclass
class Chart:
    """A chart drawn beside its table. `series` maps a line's name to one value per x label
    (None leaves a gap, as for a suppressed figure). `alt` is the text alternative."""

    title: str
    x_labels: list[str]
    series: dict[str, list[float | None]]
    y_label: str
    alt: str
    kind: str = "line"
    svg: str = ""


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[CellValue]]
    footer: list[list[CellValue]] = field(default_factory=list)
    chart: Chart | None = None
    by_protected_characteristic: bool = False
    disclosure_applied: bool = False
    individual_level: bool = False

    def __post_init__(self):
        if self.by_protected_characteristic and not self.disclosure_applied:
            raise ReportDefinitionError(
                f"Table {self.caption!r} breaks counts down by a protected characteristic but "
                "did not go through core.disclosure."
            )

    @classmethod
    def from_protected(
        cls, *, caption: str, row_heading: str, table: ProtectedTable, chart: Chart | None = None
    ) -> "Table":
        """A table of counts that has been through core.disclosure.protect_table: hidden
        values are written as "[c]" and the numbers behind them never leave this function."""
        with_totals = len(table.col_labels) > 1

        def line(label, cells, total):
            shown = [c.value if not c.suppressed else str(c) for c in cells]
            if with_totals:
                shown.append(total.value if not total.suppressed else str(total))
            return [label, *shown]

        columns = [row_heading, *table.col_labels] + (["Total"] if with_totals else [])
        return cls(
            caption=caption,
            columns=columns,
            rows=[line(label, cells, total) for label, cells, total in table.rows()],
            footer=[line("Total", table.col_totals, table.grand_total)],
            chart=chart,
            by_protected_characteristic=True,
            disclosure_applied=True,
        )

    @classmethod
    def from_cells(
        cls,
        *,
        caption: str,
        columns: list[str],
        rows: list[tuple[str, list[Cell], Cell | None]],
        chart: Chart | None = None,
    ) -> "Table":
        """A table whose counts are `core.disclosure.Cell`s already protected by
        `protect_table` (for example a funnel protected stage by stage): hidden cells are
        written "[c]". Anything that is not a protected cell is refused."""

        def shown(cell) -> CellValue:
            if not isinstance(cell, Cell):
                raise ReportDefinitionError(f"Table {caption!r}: {cell!r} is not a protected cell.")
            return str(cell) if cell.suppressed else cell.value

        body = [
            [label, *[shown(c) for c in cells], *([] if total is None else [shown(total)])]
            for label, cells, total in rows
        ]
        return cls(
            caption=caption,
            columns=columns,
            rows=body,
            chart=chart,
            by_protected_characteristic=True,
            disclosure_applied=True,
        )


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table]
    intro: str = ""
    notes: list[str] = field(default_factory=list)


SectionBuilder = Callable[[Period, dict], list[Section]]


@dataclass(frozen=True)
class Option:
    """A parameter a user may choose when asking for a run."""

    label: str
    choices: tuple[tuple[str, str], ...]
    default: str


@dataclass(frozen=True)
class ReportType:
    key: str
    title: str
    description: str
    audience: str  # a people.roles.Role value: who may read it
    period_kind: str  # a key of reports.periods.KINDS
    sections: tuple[SectionBuilder, ...]
    run_roles: tuple[str, ...] = ()  # who may "run now" (admins always may)
    board_level: bool = False  # never any individual-level data
    options: dict[str, Option] = field(default_factory=dict)
    schedule: dict | None = None  # crontab fields for django-celery-beat, None: on demand

    def clean_parameters(self, parameters: dict | None) -> dict:
        """The run's parameters: every option with a valid value, nothing else."""
        given = parameters or {}
        unknown = set(given) - set(self.options)
        if unknown:
            raise ReportDefinitionError(f"Unknown parameters: {', '.join(sorted(unknown))}")
        cleaned = {}
        for name, option in self.options.items():
            value = given.get(name, option.default)
            if value not in dict(option.choices):
                raise ReportDefinitionError(f"{value!r} is not a choice for {name}.")
            cleaned[name] = value
        return cleaned


_REGISTRY: dict[str, ReportType] = {}


def register(report_type: ReportType) -> ReportType:
    """Add a report type; registering the same key again replaces it (module reloads)."""
    if report_type.board_level and not report_type.audience:
        raise ReportDefinitionError("A board-level report needs an audience.")
    _REGISTRY[report_type.key] = report_type
    return report_type


def get(key: str) -> ReportType:
    return _REGISTRY[key]


def exists(key: str) -> bool:
    return key in _REGISTRY


def all_types() -> list[ReportType]:
    return sorted(_REGISTRY.values(), key=lambda t: t.title)


def build_sections(report_type: ReportType, period: Period, parameters: dict, progress=None):
    """Run every builder in order; `progress(done, total)` after each one."""
    sections: list[Section] = []
    total = len(report_type.sections)
    for done, builder in enumerate(report_type.sections, start=1):
        sections.extend(builder(period, parameters))
        if progress:
            progress(done, total)
    if report_type.board_level:
        _refuse_individual_level(sections, report_type)
    return sections


def _refuse_individual_level(sections: list[Section], report_type: ReportType) -> None:
    for section in sections:
        for table in section.tables:
            if table.individual_level:
                raise ReportDefinitionError(
                    f"{report_type.title} is a board-level report: section {section.title!r} "
                    "may not hold individual-level data."
                )
