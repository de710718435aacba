from datetime import date

from django.urls import reverse

from core.navigation import WorkItem
from welfare.permissions import is_welfare_team
from welfare.selectors import cases_for, overdue_first_contact


def welfare_work_for(user) -> list[WorkItem]:
    """The welfare team: cases past their first-contact date, and their own open cases."""
    if not is_welfare_team(user):
        return []
    overdue = overdue_first_contact(user=user, today=date.today()).count()
    mine = cases_for(user=user).filter(assigned_to=user, closed_on=None).count()
    return [
        WorkItem(
            "Welfare cases overdue for first contact",
            overdue,
            reverse("welfare:overdue"),
            detail="Students the team has not yet contacted within the target.",
            urgent=overdue > 0,
        ),
        WorkItem(
            "Your open welfare cases",
            mine,
            reverse("welfare:case-list") + "?assigned=me&status=open",
        ),
    ]
