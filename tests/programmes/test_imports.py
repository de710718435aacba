"""Financial lines and benefits imports: all rows or none, every problem by row and column,
the same file twice changes nothing."""

import csv
import io
from pathlib import Path

import pytest

from core.imports import registry, run_import
from programmes.models import Benefit, FinancialLine
from tests.factories import DepartmentFactory
from tests.programmes.factories import ProgrammeFactory, ProjectFactory

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
LINE_HEADINGS = [
    "Programme",
    "Project",
    "Financial year",
    "Capital",
    "One-off costs",
    "Recurring costs",
    "Cashable benefits",
    "Non-cashable benefits",
]
BENEFIT_HEADINGS = [
    "Reference",
    "Programme",
    "Project",
    "Description",
    "Kind",
    "Class",
    "Owner staff number",
    "Department",
    "Measure",
    "Unit",
    "Target date",
]


def as_csv(headings, rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headings)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def run(kind, data, actor):
    return run_import(registry.get(kind), name="file.csv", data=data, actor=actor)


@pytest.fixture
def projects(db):
    programme = ProgrammeFactory(name="Digital Policing")
    return [ProjectFactory(programme=programme, name=f"Project {n}") for n in range(10)]


def line(n: int, **changes) -> dict:
    row = {
        "Programme": "Digital Policing",
        "Project": f"Project {n // 100}",
        "Financial year": f"FY{n % 100:02d}/{(n + 1) % 100:02d}",
        "Capital": "£1,000",
        "One-off costs": "250.50",
        "Recurring costs": "",
        "Cashable benefits": "300",
        "Non-cashable benefits": "0",
    }
    row.update(changes)
    return row


def benefit(n: int, **changes) -> dict:
    row = {
        "Reference": f"BEN-{n:04d}",
        "Programme": "Digital Policing",
        "Project": "Project 0",
        "Description": f"Saving number {n}",
        "Kind": "Benefit",
        "Class": "Cashable",
        "Owner staff number": "benefits",
        "Department": "Change and Transformation",
        "Measure": "Annual saving",
        "Unit": "£",
        "Target date": "31/03/2027",
    }
    row.update(changes)
    return row


def lines_snapshot():
    return sorted(FinancialLine.objects.values_list("project_id", "financial_year", "capital"))


def test_financial_lines_one_bad_row_among_a_thousand_writes_nothing(projects, benefits_analyst):
    rows = [line(n) for n in range(1000)]
    rows[700]["Capital"] = "lots"
    result = run("financial-lines", as_csv(LINE_HEADINGS, rows), benefits_analyst)
    assert [(p.row, p.column) for p in result.problems] == [(702, "Capital")]
    assert FinancialLine.objects.count() == 0


def test_financial_lines_the_same_file_twice_changes_nothing(projects, benefits_analyst):
    data = as_csv(LINE_HEADINGS, [line(n) for n in range(1000)])
    assert run("financial-lines", data, benefits_analyst).counts.created == 1000
    before = lines_snapshot()
    again = run("financial-lines", data, benefits_analyst)
    assert (again.counts.created, again.counts.updated, again.counts.unchanged) == (0, 0, 1000)
    assert lines_snapshot() == before
    changed = run(
        "financial-lines", as_csv(LINE_HEADINGS, [line(5, Capital="9")]), benefits_analyst
    )
    assert changed.counts.updated == 1


def test_financial_lines_name_unknown_projects_and_bad_years(projects, benefits_analyst):
    rows = [line(0, Project="Nope"), line(1, **{"Financial year": "2024"})]
    result = run("financial-lines", as_csv(LINE_HEADINGS, rows), benefits_analyst)
    assert [(p.row, p.column) for p in result.problems] == [(3, "Financial year")]
    result = run("financial-lines", as_csv(LINE_HEADINGS, rows[:1]), benefits_analyst)
    assert "no project called 'Nope'" in result.problems[0].message


def test_benefits_one_bad_row_among_a_thousand_writes_nothing(projects, benefits_analyst):
    DepartmentFactory(name="Change and Transformation")
    rows = [benefit(n) for n in range(1000)]
    rows[10]["Owner staff number"] = "nobody"
    result = run("benefits", as_csv(BENEFIT_HEADINGS, rows), benefits_analyst)
    assert [(p.row, p.column) for p in result.problems] == [(12, "Owner staff number")]
    assert Benefit.objects.count() == 0


def test_benefits_the_same_file_twice_changes_nothing(projects, benefits_analyst):
    DepartmentFactory(name="Change and Transformation")
    data = as_csv(BENEFIT_HEADINGS, [benefit(n) for n in range(200)])
    assert run("benefits", data, benefits_analyst).counts.created == 200
    before = sorted(Benefit.objects.values_list("reference", "description", "status"))
    again = run("benefits", data, benefits_analyst)
    assert (again.counts.created, again.counts.updated, again.counts.unchanged) == (0, 0, 200)
    assert sorted(Benefit.objects.values_list("reference", "description", "status")) == before


def test_only_the_benefits_analyst_may_import_registers(cast):
    for kind in ("financial-lines", "benefits"):
        spec = registry.get(kind)
        assert {n for n, u in cast.items() if spec.may_import(u)} == {"benefits_analyst"}


def test_the_documented_samples_import_cleanly(benefits_analyst):
    programme = ProgrammeFactory(name="Digital Policing")
    ProjectFactory(programme=programme, name="Digital evidence")
    DepartmentFactory(name="Change and Transformation")
    for kind in ("financial-lines", "benefits"):
        data = (SAMPLES / f"{kind}.csv").read_bytes()
        result = run_import(
            registry.get(kind), name=f"{kind}.csv", data=data, actor=benefits_analyst
        )
        assert result.ok, (kind, result.problems)
