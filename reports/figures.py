"""Workforce figures the reports need that people.selectors does not give directly. They read
only through people.selectors (the employment record in force on a day), and aggregate in the
database."""

from datetime import date

from django.db.models import Count

from core.equality import HIGH_LEVEL_GROUPS, high_level_group
from people.models import PersonType
from people.selectors import records_as_at

NOT_DECLARED = "Not declared"


def workforce_by_ethnic_group(*, day: date) -> tuple[list[str], list[str], list[list[int]]]:
    """Headcount on `day` by ONS high-level ethnic group (rows) and staff type (columns).

    Returns (row labels, column labels, counts); "Not declared" holds "prefer not to say" and
    colleagues with no equality record. Raw counts: pass them through core.disclosure.
    """
    rows = [*HIGH_LEVEL_GROUPS.values(), NOT_DECLARED]
    columns = list(PersonType)
    counts = {(r, c): 0 for r in rows for c in columns}
    grouped = (
        records_as_at(day=day)
        .values("person_type", "person__equality__ethnicity")
        .annotate(n=Count("id"))
    )
    for row in grouped:
        group = high_level_group(row["person__equality__ethnicity"] or "") or NOT_DECLARED
        counts[(group, row["person_type"])] += row["n"]
    return (
        rows,
        [c.label for c in columns],
        [[counts[(r, c)] for c in columns] for r in rows],
    )


def headcount(*, day: date, person_type: str) -> int:
    """How many colleagues of `person_type` were in post on `day`."""
    return records_as_at(day=day).filter(person_type=person_type).count()
