"""Reads for reports, scoped by user: a run is visible only to its report's audience."""

from django.db.models import Max, Q, QuerySet

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


def _latest_runs(user, keys: list[str]) -> dict[str, dict]:
    """{type: {"last_run", "last_success"}} in two queries whatever the number of types."""
    latest = (
        runs_for(user=user)
        .filter(report_type__in=keys)
        .values("report_type")
        .annotate(last=Max("id"), success=Max("id", filter=Q(status=RunStatus.SUCCEEDED)))
        .order_by()
    )
    ids = {row["report_type"]: (row["last"], row["success"]) for row in latest}
    wanted = {pk for pair in ids.values() for pk in pair if pk}
    runs = ReportRun.objects.in_bulk(wanted)
    return {
        key: {"last_run": runs.get(last), "last_success": runs.get(success)}
        for key, (last, success) in ids.items()
    }


def library_for(*, user) -> list[dict]:
    """Each readable report with its latest run, latest successful run and next scheduled run.
    A fixed number of queries, whatever the number of reports or runs."""
    tasks = schedule.scheduled_tasks()
    report_types = report_types_for(user=user)
    latest = _latest_runs(user, [t.key for t in report_types])
    entries = []
    for report_type in report_types:
        task = tasks.get(report_type.key)
        entries.append(
            {
                "type": report_type,
                "period_kind_label": periods.KINDS[report_type.period_kind][0],
                **latest.get(report_type.key, {"last_run": None, "last_success": None}),
                "next_run": schedule.next_run(task),
                "paused": task is not None and not task.enabled,
                "may_run": can(user, "reports.type.run", report_type),
            }
        )
    return entries
