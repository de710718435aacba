from datetime import date

import pytest

from people import services as people_services
from welfare import services


@pytest.fixture
def on_probation(student):
    """The cast's student officer, with the probation recruitment would have opened."""
    people_services.probation_start(
        actor=None, officer=student, route=student.entry_route, start_date=student.start_date
    )
    return student


@pytest.fixture
def case(on_probation, welfare_officer):
    """An open case about the cast's student, opened by the welfare team."""
    return services.welfare_case_open(
        actor=welfare_officer,
        officer=on_probation,
        how_opened="welfare_team",
        notified_on=date(2026, 1, 5),
        concern="Missed three shifts; seemed withdrawn at briefing.",
        assigned_to=welfare_officer,
    )


@pytest.fixture
def raised_case(on_probation, manager):
    """A case the cast's line manager raised about their student."""
    return services.welfare_concern_raise(
        manager=manager,
        officer=on_probation,
        concern="Talking about leaving for a private-sector job.",
        noticed_on=date(2026, 1, 5),
    )
