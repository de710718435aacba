from django.db.models import Exists, OuterRef
from django.urls import reverse

from core.navigation import WorkItem
from people.permissions import can, is_line_manager
from performance.models import ModerationPanel, Rating, RatingStatus


def performance_work_for(user) -> list[WorkItem]:
    """Your performance year; for managers, ratings to give; for moderators, open panels."""
    items = [
        WorkItem(
            "Your performance year",
            None,
            reverse("performance:me"),
            detail="Your objectives, conversations and final rating.",
        )
    ]
    if is_line_manager(user):
        items.append(
            WorkItem(
                "Your team's performance",
                None,
                reverse("performance:team"),
                detail="Objectives, check-ins, year-end reviews and provisional ratings.",
            )
        )
    if can(user, "performance.panels.view"):
        my_open_panel = ModerationPanel.objects.filter(
            members=user,
            closed_on__isnull=True,
            year=OuterRef("year"),
            department=OuterRef("department"),
        )
        waiting = (
            Rating.objects.filter(Exists(my_open_panel), status=RatingStatus.PROVISIONAL)
            .exclude(person=user)
            .count()
        )
        items.append(
            WorkItem(
                "Ratings to moderate",
                waiting,
                reverse("performance:panels"),
                detail="Provisional ratings awaiting your panels' decisions.",
            )
        )
    return items
