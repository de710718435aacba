"""Columns for the welfare case list's CSV and XLSX export (core.exports): what the list page
shows, never the concern or any notes."""

from core.exports import Column


def _status(case) -> str:
    if case.is_open:
        return "Open"
    return f"{case.get_outcome_display()} ({case.closed_on:%d/%m/%Y})"


CASE_COLUMNS = [
    Column("Case", "pk"),
    Column("Staff number", "officer.staff_number"),
    Column("Student officer", "officer.get_full_name"),
    Column(
        "Route",
        lambda c: (
            c.officer.probation.get_route_display() if hasattr(c.officer, "probation") else ""
        ),
    ),
    Column("How opened", "get_how_opened_display"),
    Column("Notified", "notified_on"),
    Column("First contact due", "first_contact_due"),
    Column("First contact", "first_contact_on"),
    Column("Assigned to", lambda c: c.assigned_to.get_full_name() if c.assigned_to else ""),
    Column("Status", _status),
]
