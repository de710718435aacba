from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from core.navigation import WorkItem
from people.permissions import has_role
from people.roles import Role
from recruitment.models import EOISource, ExpressionOfInterest
from recruitment.permissions import OFFICERS

OPEN = [
    ExpressionOfInterest.Status.NEW,
    ExpressionOfInterest.Status.CONTACTED,
    ExpressionOfInterest.Status.APPLYING,
]


def _ambassador_work(user) -> list[WorkItem]:
    since = timezone.localdate() - timedelta(days=30)
    taken = EOISource.objects.filter(captured_by=user, captured_on__gte=since).count()
    return [
        WorkItem(
            "EOIs you have taken",
            taken,
            reverse("recruitment:quick"),
            detail="In the last 30 days. Tap to take another.",
        )
    ]


def recruitment_work_for(user) -> list[WorkItem]:
    """A recruitment officer's EOIs assigned to them (and how many are overdue); an
    ambassador's EOIs taken in the last 30 days."""
    if not has_role(user, *OFFICERS):
        return _ambassador_work(user) if has_role(user, Role.AMBASSADOR) else []
    mine = ExpressionOfInterest.objects.filter(
        assigned_to=user, status__in=OPEN, merged_into__isnull=True
    )
    overdue = mine.filter(next_action_on__lt=timezone.localdate()).count()
    return [
        WorkItem(
            "EOIs assigned to you",
            mine.count(),
            reverse("recruitment:eoi-overdue" if overdue else "recruitment:eoi-list")
            + f"?assigned_to={user.pk}",
            detail=f"{overdue} overdue." if overdue else "None overdue.",
            urgent=bool(overdue),
        )
    ]
