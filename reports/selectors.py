"""Reads for reports, scoped by user: a run is visible only to its report's audience."""

from django.db.models import QuerySet

from people.permissions import can
from reports import periods, registry, schedule
from reports.models import ReportRun, RunStatus


def report_types_for(*, user) -> list[registry.ReportType]:
    """The report types `user` may read, by title."""
    return [t for t in registry.all_types() if can(user, "reports.type.view", t)]


def report_type_for(*, user, key: str) -> registry.ReportType | None:
    """The report type `key` if it exists and `user` may read it, else None (a 404)."""
    if not registry.exists(key):
        return None
    report_type = registry.get(key)
    return report_type if can(user, "reports.type.view", report_type) else None


def runs_for(*, user) -> QuerySet[ReportRun]:
    """Every run of every report `user` may read."""
    keys = [t.key for t in report_types_for(user=user)]
    return ReportRun.objects.filter(report_type__in=keys).select_related("requested_by")


def run_history(*, user, report_type: str) -> QuerySet[ReportRun]:
    return runs_for(user=user).filter(report_type=report_type)


def library_for(*, user) -> list[dict]:
    """Each readable report with its latest run, latest successful run and next scheduled run.
    Two queries per report type at most, whatever the number of runs."""
    tasks = schedule.scheduled_tasks()
    entries = []
    for report_type in report_types_for(user=user):
        runs = run_history(user=user, report_type=report_type.key)
        task = tasks.get(report_type.key)
        entries.append(
            {
                "type": report_type,
                "period_kind_label": periods.KINDS[report_type.period_kind][0],
                "last_run": runs.order_by("-created_at", "-id").first(),
                "last_success": runs.filter(status=RunStatus.SUCCEEDED)
                .order_by("-finished_at", "-id")
                .first(),
                "next_run": schedule.next_run(task),
                "paused": task is not None and not task.enabled,
                "may_run": can(user, "reports.type.run", report_type),
            }
        )
    return entries
