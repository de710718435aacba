"""Welfare test records, built through the services so every rule applies."""

from datetime import date
from itertools import count

from people import services as people_services
from people.models import EntryRoute

_numbers = count(1)


def student_officer(
    *, route=EntryRoute.DHEP, start_date=date(2025, 9, 1), line_manager=None, **extra
):
    """A student officer made the way recruitment makes them: with a probation."""
    n = next(_numbers)
    return people_services.student_officer_create(
        actor=None,
        staff_number=f"SO{n:05d}",
        first_name="Student",
        last_name=f"Officer{n}",
        email="",
        route=route,
        start_date=start_date,
        line_manager=line_manager,
        **extra,
    )
