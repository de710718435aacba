from django.urls import reverse

from core.navigation import WorkItem
from people.permissions import is_line_manager


def people_work_for(user) -> list[WorkItem]:
    """A colleague's own reminders: equality information not yet given; their team."""
    items = []
    if not hasattr(user, "equality"):
        items.append(
            WorkItem(
                "Your equality information",
                None,
                reverse("people:equality"),
                detail="Optional, and kept apart from every decision about you.",
            )
        )
    if is_line_manager(user):
        count = user.reports.filter(is_active=True).count()
        items.append(
            WorkItem(
                "Your team", count, reverse("people:team"), detail="Colleagues who report to you."
            )
        )
    return items
