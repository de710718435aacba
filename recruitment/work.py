from django.urls import reverse
from django.utils import timezone

from core.navigation import WorkItem
from people.permissions import has_role
from recruitment.models import ExpressionOfInterest
from recruitment.permissions import OFFICERS

OPEN = [
    ExpressionOfInterest.Status.NEW,
    ExpressionOfInterest.Status.CONTACTED,
    ExpressionOfInterest.Status.APPLYING,
]


def recruitment_work_for(user) -> list[WorkItem]:
    """A recruitment officer's EOIs assigned to them, and how many of those are overdue."""
    if not has_role(user, *OFFICERS):
        return []
    mine = ExpressionOfInterest.objects.filter(
        assigned_to=user, status__in=OPEN, merged_into__isnull=True
    )
    overdue = mine.filter(next_action_on__lt=timezone.localdate()).count()
    return [
        WorkItem(
            "EOIs assigned to you",
            mine.count(),
            reverse("recruitment:eoi-list") + f"?assigned_to={user.pk}",
            detail=f"{overdue} overdue." if overdue else "None overdue.",
            urgent=bool(overdue),
        )
    ]
