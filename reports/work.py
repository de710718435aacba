from django.urls import reverse

from core.navigation import WorkItem
from reports.models import ReportRun, RunStatus


def reports_work_for(user) -> list[WorkItem]:
    """Report runs the user asked for that are still being built, or that failed (one query)."""
    if not user.is_authenticated:
        return []
    runs = list(
        ReportRun.objects.filter(
            requested_by=user, status__in=[RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.FAILED]
        ).order_by("-created_at")[:20]
    )
    items = []
    working = [r for r in runs if r.status != RunStatus.FAILED]
    failed = [r for r in runs if r.status == RunStatus.FAILED]
    if working:
        items.append(
            WorkItem(
                "Reports being built",
                len(working),
                reverse("reports:run", args=[working[0].pk]),
                detail="Runs you asked for that are not ready yet.",
            )
        )
    if failed:
        items.append(
            WorkItem(
                "Reports that failed",
                len(failed),
                reverse("reports:run", args=[failed[0].pk]),
                detail="Open one to see why; an admin can run it again.",
                urgent=True,
            )
        )
    return items
