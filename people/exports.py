"""Columns for the people lists' CSV and XLSX exports (core.exports)."""

from core.exports import Column

TEAM_COLUMNS = [
    Column("Staff number", "staff_number"),
    Column("First name", "first_name"),
    Column("Last name", "last_name"),
    Column("Email", "email"),
    Column("Person type", "get_person_type_display"),
    Column("Rank or grade", lambda p: p.get_rank_display() or p.grade),
    Column("Department", "department.name"),
    Column("Started", "start_date"),
]
