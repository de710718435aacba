"""Columns for the adjustments queue's CSV and XLSX export (core.exports): the queue's rows,
never a passport's health details."""

from core.exports import Column

QUEUE_COLUMNS = [
    Column("Staff number", "owner.staff_number"),
    Column("Colleague", "owner.get_full_name"),
    Column("Status", "get_status_display"),
    Column("Version", "version"),
    Column("Submitted", lambda p: p.submitted_at.date() if p.submitted_at else None),
    Column("RA officer", lambda p: p.ra_officer.get_full_name() if p.ra_officer else ""),
    Column("Review due", "review_date"),
]
