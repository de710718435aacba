"""Programme register imports: financial lines and benefits (docs/IMPORTS.md).

Both refer to projects by programme and project name, which must already be in Peel; both
write through programmes.services, so the audit trail is the same as for a change on a page.
"""

import re

from django.core.exceptions import ValidationError

from core import imports
from core.imports import Counts, ImportColumn, ImportRefused, ImportSpec, Problem, Row
from people.models import Department, User
from people.permissions import can
from programmes import services
from programmes.models import Benefit, BenefitClass, BenefitKind, FinancialLine, Project

FY_LABEL = re.compile(r"^FY[0-9]{2}/[0-9]{2}$")
BENEFIT_FIELDS = (
    "project",
    "description",
    "kind",
    "benefit_class",
    "owner",
    "department",
    "measure",
    "unit",
    "target_date",
)


def financial_year(value) -> str:
    raw = imports._as_text(value).upper().replace(" ", "")
    if not FY_LABEL.match(raw):
        raise ValueError(f"'{imports._as_text(value)}' is not a financial year: write FY24/25.")
    return raw


def _project_columns() -> list[ImportColumn]:
    return [
        ImportColumn(
            "Programme",
            "programme",
            required=True,
            parse=imports.text(120),
            help="The name of a programme already in Peel.",
        ),
        ImportColumn(
            "Project",
            "project",
            required=True,
            parse=imports.text(160),
            help="The name of a project of that programme already in Peel.",
        ),
    ]


def _resolve_projects(rows: list[Row]) -> list[Problem]:
    """Each row's programme and project names replaced by the project (any capitals)."""
    projects = {
        (p.programme.name.lower(), p.name.lower()): p
        for p in Project.objects.select_related("programme")
    }
    problems = []
    for row in rows:
        programme, name = row.values.pop("programme"), row.values["project"]
        row.values["project"] = projects.get((programme.lower(), name.lower()))
        if row.values["project"] is None:
            problems.append(
                Problem(
                    row.number,
                    "Project",
                    f"There is no project called '{name}' in the programme '{programme}' in "
                    "Peel. Check both names, or add the project first.",
                )
            )
    return problems


class FinancialLinesImport(ImportSpec):
    kind = "financial-lines"
    label = "Financial lines (project money by financial year)"
    description = (
        "One row per project and financial year: capital, one-off and recurring costs, cashable "
        "and non-cashable benefits, all as positive pounds. A year Peel has is replaced."
    )
    natural_key = ("programme", "project", "financial_year")
    columns = [
        *_project_columns(),
        ImportColumn(
            "Financial year", "financial_year", required=True, parse=financial_year, help="FY24/25."
        ),
        *[
            ImportColumn(heading, name, parse=imports.money, help="Pounds; blank is £0.")
            for heading, name in (
                ("Capital", "capital"),
                ("One-off costs", "one_off_costs"),
                ("Recurring costs", "recurring_costs"),
                ("Cashable benefits", "cashable_benefits"),
                ("Non-cashable benefits", "non_cashable_benefits"),
            )
        ],
    ]

    def may_import(self, user) -> bool:
        return can(user, "programmes.change")

    def check(self, rows: list[Row]) -> list[Problem]:
        problems = _resolve_projects(rows)
        for row in rows:
            for name in FinancialLine.AMOUNTS:
                if row.values[name] == "":
                    row.values[name] = imports.money("0")
                elif row.values[name] < 0:
                    problems.append(
                        Problem(
                            row.number, self.heading_of(name), "Write amounts as positive pounds."
                        )
                    )
        return problems

    def write(self, rows: list[Row], *, actor) -> Counts:
        existing = {
            (line.project_id, line.financial_year): line
            for line in FinancialLine.objects.filter(
                project__in={row.values["project"] for row in rows}
            )
        }
        counts = Counts()
        for row in rows:
            line = existing.get((row.values["project"].pk, row.values["financial_year"]))
            amounts = {name: row.values[name] for name in FinancialLine.AMOUNTS}
            if line is not None and all(getattr(line, k) == v for k, v in amounts.items()):
                counts.unchanged += 1
                continue
            try:
                services.financial_line_save(actor=actor, **row.values)
            except ValidationError as error:
                raise ImportRefused(self.problems_from(row, error)) from None
            if line is None:
                counts.created += 1
            else:
                counts.updated += 1
        return counts


class BenefitsImport(ImportSpec):
    kind = "benefits"
    label = "Benefits (the benefit register)"
    description = (
        "One row per benefit, keyed by its reference. A new reference adds the benefit "
        "(status Identified); a known one has its description, owner and other details brought "
        "up to date. Status and baselines are changed on the benefit's page, not by an import."
    )
    natural_key = ("reference",)
    columns = [
        ImportColumn(
            "Reference",
            "reference",
            required=True,
            parse=imports.text(20),
            help="The key, such as BEN-0042.",
        ),
        *_project_columns(),
        ImportColumn("Description", "description", required=True, parse=imports.text()),
        ImportColumn(
            "Kind",
            "kind",
            required=True,
            parse=imports.choice(BenefitKind),
            help="Benefit or Dis-benefit.",
        ),
        ImportColumn(
            "Class",
            "benefit_class",
            required=True,
            parse=imports.choice(BenefitClass),
            help="Cashable, Non-cashable or Non-financial.",
        ),
        ImportColumn(
            "Owner staff number",
            "owner",
            required=True,
            parse=imports.text(20),
            help="A colleague already in Peel.",
        ),
        ImportColumn(
            "Department",
            "department",
            required=True,
            parse=imports.text(120),
            help="The owning department, already in Peel.",
        ),
        ImportColumn("Measure", "measure", required=True, parse=imports.text(200)),
        ImportColumn("Unit", "unit", required=True, parse=imports.text(30), help="£ for money."),
        ImportColumn("Target date", "target_date", parse=imports.uk_date, help="dd/mm/yyyy."),
    ]

    def may_import(self, user) -> bool:
        return can(user, "programmes.change")

    def check(self, rows: list[Row]) -> list[Problem]:
        problems = _resolve_projects(rows)
        owners = {
            u.staff_number.lower(): u
            for u in User.objects.filter(staff_number__in={r.values["owner"] for r in rows})
        }
        departments = {d.name.lower(): d for d in Department.objects.all()}
        for row in rows:
            problems += self._lookup(row, "owner", owners, "No colleague has staff number '{}'.")
            problems += self._lookup(
                row, "department", departments, "There is no department called '{}' in Peel."
            )
            if row.values["target_date"] == "":
                row.values["target_date"] = None
        return problems

    def _lookup(self, row: Row, name: str, known: dict, message: str) -> list[Problem]:
        value = row.values[name]
        row.values[name] = known.get(value.lower())
        if row.values[name] is None:
            return [Problem(row.number, self.heading_of(name), message.format(value))]
        return []

    def write(self, rows: list[Row], *, actor) -> Counts:
        existing = Benefit.objects.in_bulk(
            [row.values["reference"] for row in rows], field_name="reference"
        )
        counts = Counts()
        for row in rows:
            benefit = existing.get(row.values["reference"])
            fields = {name: row.values[name] for name in BENEFIT_FIELDS}
            try:
                if benefit is None:
                    services.benefit_create(
                        actor=actor, reference=row.values["reference"], **fields
                    )
                    counts.created += 1
                    continue
                changed = {k: v for k, v in fields.items() if getattr(benefit, k) != v}
                if changed:
                    services.benefit_update(actor=actor, benefit=benefit, **changed)
                    counts.updated += 1
                else:
                    counts.unchanged += 1
            except ValidationError as error:
                raise ImportRefused(self.problems_from(row, error)) from None
        return counts


imports.registry.register(FinancialLinesImport())
imports.registry.register(BenefitsImport())
