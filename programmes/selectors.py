"""Reads of the registers and the board paper's figures.

The registers hold no personal data; each list selector is still scoped by `user=` so that a
colleague without a reading role gets nothing. Figures are computed in the database.
Sign convention in every summary: costs positive, benefits negative (the paper's Table 1).
"""

from collections import Counter
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from people.models import Portfolio
from programmes.models import (
    FINANCIAL_CLASSES,
    BaselineVersion,
    Benefit,
    BenefitKind,
    BenefitsReview,
    BenefitStatus,
    EfficiencyStatus,
    FinancialLine,
    FteEfficiency,
    ProfileLine,
    Programme,
    ProgrammeStatus,
    Project,
)
from programmes.permissions import may_view

ZERO = Decimal("0")
HUNDREDTH = Decimal("0.01")
MONEY = DecimalField(max_digits=16, decimal_places=2)
# Table 1's columns in the paper's order, and whether each is a benefit (shown negative).
TABLE_1_COLUMNS = (
    ("capital", "Capital £", False),
    ("one_off_costs", "One-off costs £", False),
    ("cashable_benefits", "Cashable benefits £", True),
    ("recurring_costs", "Recurring costs £", False),
    ("non_cashable_benefits", "Non-cashable benefits £", True),
)
STATUS_GROUPS = (
    (ProgrammeStatus.CLOSED, "Programmes closed"),
    (ProgrammeStatus.LIVE, "Live programmes"),
)
SIGN_CONVENTION = (
    "Costs are shown as positive amounts and benefits (savings) as negative amounts, as in "
    "the board paper's Table 1, so each grand total is costs less benefits."
)


def _readable(user, queryset: QuerySet) -> QuerySet:
    return queryset if may_view(user) else queryset.none()


# Registers ---------------------------------------------------------------------------------


def benefit_list(*, user) -> QuerySet[Benefit]:
    """The benefit register as `user` may see it, with owner, department and programme."""
    return _readable(
        user, Benefit.objects.select_related("owner", "department", "project__programme")
    )


def benefit_detail(*, user) -> QuerySet[Benefit]:
    """Benefits with everything the detail page shows, for `get_object_or_404`."""
    return _readable(
        user,
        Benefit.objects.select_related(
            "owner", "department", "project__programme"
        ).prefetch_related(
            Prefetch("profile", queryset=ProfileLine.objects.order_by("financial_year")),
            "measurements__recorded_by",
            "baselines__approved_by",
        ),
    )


def project_list(*, user) -> QuerySet[Project]:
    """Projects with their programme, owner and department."""
    return _readable(user, Project.objects.select_related("programme", "owner", "department"))


def project_detail(*, user) -> QuerySet[Project]:
    return _readable(
        user,
        Project.objects.select_related("programme", "owner", "department").prefetch_related(
            Prefetch("financial_lines", queryset=FinancialLine.objects.order_by("financial_year")),
            "efficiencies",
        ),
    )


PROJECT_PAGE_BENEFITS = 20


def project_benefits(*, project: Project) -> tuple[list[Benefit], int]:
    """The project's first benefits by reference, and how many it has in all: a project can
    hold hundreds, and the register lists them all (filtered by project)."""
    benefits = project.benefits.order_by("reference")
    return list(benefits[:PROJECT_PAGE_BENEFITS]), benefits.count()


def financial_line_list(*, user) -> QuerySet[FinancialLine]:
    """Every project's financial lines (Table 1's source), with project and programme."""
    return _readable(user, FinancialLine.objects.select_related("project__programme"))


def review_list(*, user) -> QuerySet[BenefitsReview]:
    return _readable(user, BenefitsReview.objects.select_related("taken_by").defer("data"))


def review_detail(*, user) -> QuerySet[BenefitsReview]:
    return _readable(user, BenefitsReview.objects.select_related("taken_by"))


def programme_list(*, user) -> QuerySet[Programme]:
    """Programmes in the paper's order (a handful: not paginated)."""
    return _readable(user, Programme.objects.all())


# Table 1 -----------------------------------------------------------------------------------


def _signed(row: dict) -> dict:
    """A row of positive amounts as the paper shows it: benefits negative, plus a grand total."""
    out = {}
    for name, _label, is_benefit in TABLE_1_COLUMNS:
        amount = row.get(name) or ZERO
        out[name] = -amount if is_benefit else amount
    out["total"] = sum(out.values(), ZERO)
    return out


def _sum_rows(rows: list[dict]) -> dict:
    keys = [name for name, *_ in TABLE_1_COLUMNS] + ["total"]
    return {key: sum((row[key] for row in rows), ZERO) for key in keys}


def financial_years(*, user) -> list[str]:
    """The financial years with any money recorded, oldest first."""
    years = FinancialLine.objects.values_list("financial_year", flat=True).distinct()
    return sorted(_readable(user, years.order_by()))


def _programme_row(programme, by_project: dict) -> dict:
    project_rows = [
        {"project": project.name, **_signed(by_project[project.pk])}
        for project in programme.projects.all()
        if project.pk in by_project
    ]
    return {
        "programme": programme.name,
        "status": programme.status,
        "projects": ", ".join(project.name for project in programme.projects.all()),
        **_sum_rows(project_rows),
        "project_rows": project_rows,
    }


def table_1(*, user, first_year: str = "", last_year: str = "") -> dict:
    """The paper's Table 1: per programme (closed, then live) and per project the capital,
    one-off costs, cashable benefits, recurring costs and non-cashable benefits over the
    years `first_year`..`last_year` (labels; blank for open-ended), benefits negative.

    Returns {"groups": [{"label", "rows": [{"programme", "projects", amounts..., "total",
    "project_rows"}]}], "total": {...}, "columns": TABLE_1_COLUMNS}. Three queries.
    """
    lines = _readable(user, FinancialLine.objects.all())
    if first_year:
        lines = lines.filter(financial_year__gte=first_year)
    if last_year:
        lines = lines.filter(financial_year__lte=last_year)
    by_project = {
        row.pop("project"): row
        for row in lines.values("project").annotate(
            **{name: Sum(name) for name, *_ in TABLE_1_COLUMNS}
        )
    }
    programmes = Programme.objects.filter(projects__in=list(by_project)).distinct()
    programmes = programmes.prefetch_related("projects")
    groups = []
    for status, label in STATUS_GROUPS:
        rows = [_programme_row(p, by_project) for p in programmes if p.status == status]
        if rows:
            groups.append({"label": label, "rows": rows})
    every_row = [row for group in groups for row in group["rows"]]
    return {"groups": groups, "total": _sum_rows(every_row), "columns": TABLE_1_COLUMNS}


# Table 2 -----------------------------------------------------------------------------------


def _fte_row(label: str, by_portfolio: dict) -> dict:
    cells = {
        value: -(by_portfolio.get(value) or ZERO).quantize(HUNDREDTH) for value in Portfolio.values
    }
    return {"label": label, "cells": cells, "total": sum(cells.values(), ZERO)}


def _fte_total(label: str, rows: list[dict]) -> dict:
    cells = {value: sum((row["cells"][value] for row in rows), ZERO) for value in Portfolio.values}
    return {"label": label, "cells": cells, "total": sum(cells.values(), ZERO)}


def _fte_by_project(*, user) -> dict[tuple, dict]:
    """{(status, project id): {"label", "fte": {portfolio: total}}} in the paper's order."""
    rows = (
        _readable(user, FteEfficiency.objects.all())
        .values(
            "status",
            "project_id",
            "portfolio",
            programme_name=F("project__programme__name"),
            project_name=F("project__name"),
        )
        .annotate(fte=Sum("fte"))
        .order_by("project__programme__position", "project__position", "project__name")
    )
    by_project: dict[tuple, dict] = {}
    for row in rows:
        entry = by_project.setdefault(
            (row["status"], row["project_id"]),
            {"label": f"{row['programme_name']} - {row['project_name']}", "fte": {}},
        )
        entry["fte"][row["portfolio"]] = row["fte"]
    return by_project


def table_2(*, user) -> dict:
    """The paper's Table 2: FTE efficiencies per project by executive portfolio, grouped by
    status (delivered, in delivery) with a total for each and a grand total; negative = freed.

    Returns {"portfolios": [(value, label)], "groups": [{"label", "rows", "total"}],
    "total": row}. One query.
    """
    by_project = _fte_by_project(user=user)
    groups = []
    for status, label in EfficiencyStatus.choices:
        rows = [
            _fte_row(entry["label"], entry["fte"])
            for (row_status, _pk), entry in by_project.items()
            if row_status == status
        ]
        if rows:
            groups.append({"label": label, "rows": rows, "total": _fte_total("Total (FTE)", rows)})
    grand = _fte_total("Grand total", [group["total"] for group in groups])
    return {"portfolios": Portfolio.choices, "groups": groups, "total": grand}


# Benefit figures ---------------------------------------------------------------------------


def _signed_value(field: str, kind: str = "benefit__kind"):
    """A profile value with dis-benefits counted against the total."""
    return Case(
        When(**{kind: BenefitKind.DIS_BENEFIT}, then=-F(field)),
        default=F(field),
        output_field=MONEY,
    )


def share_by_department(*, user) -> dict:
    """The share of open benefits owned by each department (by number), with the planned
    pounds of its financial benefits; withdrawn benefits are left out. Two queries."""
    benefits = _readable(user, Benefit.objects.exclude(status=BenefitStatus.WITHDRAWN))
    counts = list(
        benefits.values("department__name")
        .annotate(benefits=Count("id"))
        .order_by("-benefits", "department__name")
    )
    planned = dict(
        benefits.filter(benefit_class__in=FINANCIAL_CLASSES)
        .values("department__name")
        .annotate(
            planned=Coalesce(Sum(_signed_value("profile__planned", kind="kind")), Value(ZERO))
        )
        .values_list("department__name", "planned")
    )
    total = sum(row["benefits"] for row in counts)
    rows = [
        {
            "department": row["department__name"],
            "benefits": row["benefits"],
            "share": row["benefits"] / total if total else 0,
            "planned": planned.get(row["department__name"], ZERO),
        }
        for row in counts
    ]
    return {"rows": rows, "total": total, "planned": sum(planned.values(), ZERO)}


def planned_against_actual(*, user, programme=None) -> dict:
    """Per financial year, the planned, forecast and actual pounds of financial benefits
    (cashable and non-cashable; dis-benefits subtract; withdrawn left out), with the variance
    of actual against planned where an actual is recorded. One query."""
    lines = (
        _readable(user, ProfileLine.objects.all())
        .filter(benefit__benefit_class__in=FINANCIAL_CLASSES)
        .exclude(benefit__status=BenefitStatus.WITHDRAWN)
    )
    if programme:
        lines = lines.filter(benefit__project__programme=programme)
    rows = list(
        lines.values("financial_year")
        .annotate(
            planned=Sum(_signed_value("planned")),
            forecast=Sum(_signed_value("forecast")),
            actual=Sum(_signed_value("actual")),
        )
        .order_by("financial_year")
    )
    for row in rows:
        row["variance"] = None if row["actual"] is None else row["actual"] - row["planned"]
    totals = {
        key: sum((row[key] or ZERO for row in rows), ZERO)
        for key in ("planned", "forecast", "actual")
    }
    return {"rows": rows, "total": totals}


def my_work_counts() -> int:
    """Benefits still to be validated or baselined."""
    return Benefit.objects.filter(
        status__in=[BenefitStatus.IDENTIFIED, BenefitStatus.VALIDATED]
    ).count()


# Annual benefits review ----------------------------------------------------------------------


def _benefit_snapshot(benefit: Benefit) -> dict:
    profile = {
        line.financial_year: {
            "planned": line.planned,
            "forecast": line.forecast,
            "actual": line.actual,
        }
        for line in benefit.profile.all()
    }
    return {
        "reference": benefit.reference,
        "description": benefit.description,
        "programme": benefit.project.programme.name,
        "project": benefit.project.name,
        "kind": benefit.get_kind_display(),
        "class": benefit.get_benefit_class_display(),
        "department": benefit.department.name,
        "owner": benefit.owner.get_full_name(),
        "measure": benefit.measure,
        "unit": benefit.unit,
        "status": benefit.get_status_display(),
        "baseline_version": benefit.baseline_version,
        "baseline_value": benefit.baseline_value,
        "target_value": benefit.target_value,
        "bau_date": benefit.bau_date,
        "profile": profile,
        # Totals only add up for pounds; a non-financial measure is read year by year.
        "planned": sum((line.planned for line in benefit.profile.all()), ZERO)
        if benefit.is_financial
        else None,
        "actual": sum((line.actual or ZERO for line in benefit.profile.all()), ZERO)
        if benefit.is_financial
        else None,
    }


def snapshot_data(*, user) -> dict:
    """Everything the annual benefits review keeps: Table 1, Table 2, the figures and every
    benefit with its baseline version and profile, as plain JSON-ready values."""
    latest = (
        BaselineVersion.objects.filter(benefit=OuterRef("pk"))
        .order_by("-version")
        .values("version")
    )
    benefits = (
        _readable(user, Benefit.objects.all())
        .select_related("owner", "department", "project__programme")
        .annotate(baseline_version=Subquery(latest[:1]))
        .prefetch_related(
            Prefetch("profile", queryset=ProfileLine.objects.order_by("financial_year"))
        )
        .order_by("reference")
    )
    table = table_1(user=user)
    return {
        "table_1": {"groups": table["groups"], "total": table["total"]},
        "table_2": table_2(user=user),
        "share_by_department": share_by_department(user=user),
        "planned_against_actual": planned_against_actual(user=user),
        "benefits": [_benefit_snapshot(benefit) for benefit in benefits],
    }


def _d(value) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else ZERO


def _programme_totals(data: dict) -> dict[str, dict]:
    return {row["programme"]: row for group in data["table_1"]["groups"] for row in group["rows"]}


def _compare_table_1(a: dict, b: dict) -> list[dict]:
    before, after = _programme_totals(a), _programme_totals(b)
    names = list(before) + [name for name in after if name not in before]
    rows = []
    for name in names:
        old, new = before.get(name, {}), after.get(name, {})
        rows.append(
            {
                "programme": name,
                "a": _d(old.get("total")),
                "b": _d(new.get("total")),
                "change": _d(new.get("total")) - _d(old.get("total")),
            }
        )
    old, new = a["table_1"]["total"], b["table_1"]["total"]
    rows.append(
        {
            "programme": "Grand total",
            "a": _d(old["total"]),
            "b": _d(new["total"]),
            "change": _d(new["total"]) - _d(old["total"]),
        }
    )
    return rows


def _profile_values(row: dict) -> dict:
    return {
        year: {key: None if value is None else _d(value) for key, value in values.items()}
        for year, values in row.get("profile", {}).items()
    }


def _benefit_change(old: dict | None, new: dict | None) -> str:
    """What changed for one benefit between two snapshots, in words ("" for nothing)."""
    if old is None:
        return "Added"
    if new is None:
        return "No longer in the register"
    changes = []
    if old["status"] != new["status"]:
        changes.append("status changed")
    if old.get("baseline_version") != new.get("baseline_version"):
        changes.append("re-baselined")
    if _profile_values(old) != _profile_values(new):
        changes.append("profile changed")
    return "; ".join(changes).capitalize()


def _compare_benefits(a: dict, b: dict) -> list[dict]:
    before = {row["reference"]: row for row in a["benefits"]}
    after = {row["reference"]: row for row in b["benefits"]}
    rows = []
    for reference in sorted(set(before) | set(after)):
        old, new = before.get(reference), after.get(reference)
        rows.append(
            {
                "reference": reference,
                "description": (new or old)["description"],
                "a": old,
                "b": new,
                "change": _benefit_change(old, new),
            }
        )
    return rows


def review_compare(*, a: BenefitsReview, b: BenefitsReview) -> dict:
    """What changed between two annual reviews: each programme's grand total, each benefit's
    status, baseline version and profile totals, and the count of benefits by status."""
    benefits = _compare_benefits(a.data, b.data)
    statuses = [label for _value, label in BenefitStatus.choices]
    count_a = Counter(row["status"] for row in a.data["benefits"])
    count_b = Counter(row["status"] for row in b.data["benefits"])
    fte_a, fte_b = (_d(r.data["table_2"]["total"]["total"]) for r in (a, b))
    return {
        "table_1": _compare_table_1(a.data, b.data),
        "fte": {"a": fte_a, "b": fte_b, "change": fte_b - fte_a},
        "benefits": benefits,
        "changed": sum(1 for row in benefits if row["change"]),
        "by_status": [
            {"status": s, "a": count_a.get(s, 0), "b": count_b.get(s, 0)}
            for s in statuses
            if count_a.get(s) or count_b.get(s)
        ],
    }


def profile_totals(lines) -> dict:
    """Totals of a benefit's profile lines: planned, forecast and actual (blank counts 0)."""
    return {
        key: sum((getattr(line, key) or ZERO for line in lines), ZERO)
        for key in ("planned", "forecast", "actual")
    }


def financial_totals(lines) -> dict:
    """A project's money over all its years (positive amounts, as stored)."""
    return {
        name: sum((getattr(line, name) for line in lines), ZERO) for name in FinancialLine.AMOUNTS
    }
