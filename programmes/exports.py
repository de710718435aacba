"""Columns for the benefit register and project list's CSV and XLSX exports (core.exports)."""

from core.exports import Column

BENEFIT_COLUMNS = [
    Column("Reference", "reference"),
    Column("Programme", "project.programme.name"),
    Column("Project", "project.name"),
    Column("Description", "description"),
    Column("Kind", "get_kind_display"),
    Column("Class", "get_benefit_class_display"),
    Column("Owner", lambda b: b.owner.get_full_name() if b.owner else ""),
    Column("Department", "department.name"),
    Column("Measure", "measure"),
    Column("Unit", "unit"),
    Column("Baseline", "baseline_value"),
    Column("Target", "target_value"),
    Column("Target date", "target_date"),
    Column("Status", "get_status_display"),
]

PROJECT_COLUMNS = [
    Column("Programme", "programme.name"),
    Column("Project", "name"),
    Column("Description", "short_description"),
    Column("Owner", lambda p: p.owner.get_full_name() if p.owner else ""),
    Column("Department", "department.name"),
]
