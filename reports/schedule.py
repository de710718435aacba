"""The default schedule lives here, in code; `manage.py sync_schedule` copies it into
django-celery-beat, where admins can see, pause and change it (Django admin > Periodic tasks).

Syncing again adds what is missing and leaves an admin's pause or new times alone, unless
asked to reset. The beat job `reports.queue_missing_runs` only fills in report types whose
periodic task is enabled, so a pause in admin really pauses a report.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from reports import registry

RUN_TASK = "reports.queue_scheduled_run"
SWEEP_TASK = "reports.queue_missing_runs"
PREFIX = "Report: "


@dataclass(frozen=True)
class Entry:
    name: str
    task: str
    crontab: dict
    args: tuple = ()
    description: str = ""


def default_schedule() -> list[Entry]:
    """Every scheduled report type, then the sweeper every 15 minutes."""
    entries = [
        Entry(
            name=f"{PREFIX}{t.title}",
            task=RUN_TASK,
            crontab=t.schedule,
            args=(t.key,),
            description=f"Queues {t.title} for the latest complete period.",
        )
        for t in registry.all_types()
        if t.schedule
    ]
    entries.append(
        Entry(
            name="Reports: queue missing runs",
            task=SWEEP_TASK,
            crontab={"minute": "*/15"},
            description="Queues scheduled runs that should exist and do not.",
        )
    )
    return entries


def _crontab(fields: dict) -> CrontabSchedule:
    values = {
        "minute": "*",
        "hour": "*",
        "day_of_week": "*",
        "day_of_month": "*",
        "month_of_year": "*",
        **fields,
    }
    crontab, _ = CrontabSchedule.objects.get_or_create(**values, timezone=settings.TIME_ZONE)
    return crontab


@transaction.atomic
def sync(*, reset: bool = False) -> dict[str, int]:
    """Copy the default schedule into django-celery-beat. Returns counts of what changed."""
    counts = {"created": 0, "reset": 0, "kept": 0, "disabled": 0}
    entries = default_schedule()
    for entry in entries:
        task = PeriodicTask.objects.filter(name=entry.name).first()
        if task is not None and not reset:
            counts["kept"] += 1
            continue
        task = task or PeriodicTask(name=entry.name)
        counts["reset" if task.pk else "created"] += 1
        task.task, task.args = entry.task, json.dumps(list(entry.args))
        task.crontab, task.interval = _crontab(entry.crontab), None
        task.description, task.enabled = entry.description, True
        task.save()
    obsolete = PeriodicTask.objects.filter(task=RUN_TASK, enabled=True).exclude(
        name__in=[e.name for e in entries]
    )
    counts["disabled"] = obsolete.update(enabled=False)
    return counts


def _report_type_of(task: PeriodicTask) -> str | None:
    try:
        args = json.loads(task.args or "[]")
    except ValueError:
        return None
    return args[0] if args and registry.exists(args[0]) else None


def scheduled_tasks() -> dict[str, PeriodicTask]:
    """The beat task for each scheduled report type, by report type key (one query)."""
    tasks = PeriodicTask.objects.filter(task=RUN_TASK).select_related("crontab")
    return {key: task for task in tasks if (key := _report_type_of(task))}


def enabled_report_types() -> list[str]:
    return [key for key, task in scheduled_tasks().items() if task.enabled]


def next_run(task: PeriodicTask | None) -> datetime | None:
    """When beat will next queue this report; None when paused or not scheduled."""
    if task is None or not task.enabled or task.crontab is None:
        return None
    now = timezone.now()
    when = now + task.schedule.remaining_estimate(task.last_run_at or now)
    # The estimate lands a few microseconds early; crontabs fire on whole minutes.
    return (when + timedelta(seconds=30)).replace(second=0, microsecond=0)
