"""Writes for report runs: ask for a run, build it (the worker's side), notify subscribers,
and the schedule's jobs."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import OperationalError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from redis.exceptions import ConnectionError as RedisConnectionError

from core.audit import audit_action
from core.outbox import outbox_enqueue
from people.permissions import has_role
from people.roles import Role
from reports import exports, periods, registry
from reports.content import build_content
from reports.locks import being_built, run_lock
from reports.models import (
    EXTENSIONS,
    ReportFile,
    ReportRun,
    ReportSubscription,
    RequestedVia,
    RunStatus,
    parameters_hash,
)

logger = logging.getLogger(__name__)

# Errors worth trying again later (a database fail-over, Redis restarting), not reporting.
TRANSIENT_ERRORS = (OperationalError, RedisConnectionError)
# A queued run nobody has started after this long is sent to the workers again.
REQUEUE_AFTER = timedelta(minutes=15)


def _queue(run: ReportRun) -> None:
    """Write the run's task to the outbox in this transaction; it is sent once committed, or
    by the outbox dispatcher later if Redis is away (so a request is never lost)."""
    queue = getattr(settings, "PEEL_REPORTS_QUEUE", None) or ""
    outbox_enqueue(task="reports.run_report", args=[run.pk], queue=queue)


@transaction.atomic
def report_run_request(
    *,
    actor,
    report_type: str,
    period: registry.Period,
    parameters: dict | None = None,
    via: str = RequestedVia.USER,
    rerun: bool = False,
) -> tuple[ReportRun, bool]:
    """The run for (report type, period, parameters), made and queued if new.

    Asking again returns the existing run; `rerun=True` rebuilds a finished one on purpose
    (a queued or running one is left to finish). Returns (run, queued now). Raises
    ValidationError for an unknown report type or bad parameters.
    """
    if not registry.exists(report_type):
        raise ValidationError({"report_type": "There is no such report."})
    try:
        cleaned = registry.get(report_type).clean_parameters(parameters)
    except registry.ReportDefinitionError as error:
        raise ValidationError({"parameters": str(error)}) from error
    run, created = ReportRun.objects.get_or_create(
        report_type=report_type,
        period_start=period.start,
        period_end=period.end,
        parameters_hash=parameters_hash(cleaned),
        defaults={
            "parameters": cleaned,
            "period_label": period.label,
            "requested_via": via,
            "requested_by": actor if via == RequestedVia.USER else None,
            "queued_at": timezone.now(),
        },
    )
    if created:
        run.full_clean()
        audit_action(actor=actor, action="reports.run.requested", obj=run)
        _queue(run)
        return run, True
    if rerun and run.is_finished:
        _reset(run, actor=actor, via=via)
        _queue(run)
        return run, True
    return run, False


def _reset(run: ReportRun, *, actor, via: str) -> None:
    names = [f.file.name for f in run.files.all()]
    run.files.all().delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])
    run.status, run.progress, run.error, run.content = RunStatus.QUEUED, 0, "", None
    run.started_at = run.finished_at = None
    run.queued_at = timezone.now()
    run.requested_via = via
    run.requested_by = actor if via == RequestedVia.USER else None
    run.save()
    audit_action(actor=actor, action="reports.run.rerun", obj=run)


def _set_progress(run_id: int, percent: int) -> None:
    # Outside any transaction, so the page polling for progress sees it at once.
    ReportRun.objects.filter(pk=run_id).update(progress=min(percent, 99), updated_at=timezone.now())


def report_run_execute(*, run_id: int) -> str:
    """Build a run's files; what a worker calls. Safe to call twice, even at the same time.

    A run that already succeeded is not rebuilt; a run another process is building is left
    to it. Transient errors propagate (the task retries); any other error marks it failed.
    Returns what happened: "succeeded", "failed", "done already", "busy" or "gone".
    """
    with run_lock(run_id) as mine:
        if not mine:
            return "busy"
        run = ReportRun.objects.filter(pk=run_id).first()
        if run is None:
            return "gone"
        if run.status == RunStatus.SUCCEEDED:
            return "done already"
        _start(run)
        try:
            content, files = _build(run)
        except TRANSIENT_ERRORS:
            raise
        except Exception as error:
            logger.exception("Report run %s failed", run_id)
            report_run_fail(run_id=run_id, error=f"{type(error).__name__}: {error}")
            return "failed"
        _succeed(run, content, files)
        return "succeeded"


def _start(run: ReportRun) -> None:
    now = timezone.now()
    ReportRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING,
        started_at=now,
        updated_at=now,
        finished_at=None,
        progress=1,
        error="",
        attempts=F("attempts") + 1,
    )
    run.refresh_from_db()


def _build(run: ReportRun) -> tuple[dict, dict]:
    report_type = registry.get(run.report_type)
    period = periods.containing(report_type.period_kind, run.period_start)
    content = build_content(
        report_type,
        period,
        run.parameters,
        progress=lambda done, total: _set_progress(run.pk, 5 + 65 * done // total),
    )
    steps = iter([85, 90, 95])
    files = exports.render_all(content, progress=lambda kind: _set_progress(run.pk, next(steps)))
    return content, files


def _file_name(run: ReportRun, kind: str) -> str:
    slug = slugify(f"{run.report_type} {run.period_start} {run.period_end}")
    return f"reports/{run.report_type}/{run.pk}/{slug}.{EXTENSIONS[kind]}"


def _store(run: ReportRun, files: dict[str, bytes]) -> None:
    """Write each file under a fixed name, replacing what a killed attempt left behind."""
    for old in run.files.all():
        default_storage.delete(old.file.name)
    run.files.all().delete()
    for kind, data in files.items():
        name = _file_name(run, kind)
        default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(data))
        ReportFile.objects.create(run=run, kind=kind, file=saved, size=len(data))


@transaction.atomic
def _succeed(run: ReportRun, content: dict, files: dict[str, bytes]) -> None:
    run = ReportRun.objects.select_for_update().get(pk=run.pk)
    _store(run, files)
    run.status, run.progress, run.content = RunStatus.SUCCEEDED, 100, content
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "progress", "content", "finished_at", "updated_at"])
    audit_action(actor=None, action="reports.run.succeeded", obj=run)
    if run.requested_via == RequestedVia.SCHEDULE:
        transaction.on_commit(lambda: report_subscribers_notify(run_id=run.pk))


@transaction.atomic
def report_run_fail(*, run_id: int, error: str) -> None:
    """Mark a run failed with its error (shown to the people who may see the run)."""
    run = ReportRun.objects.select_for_update().get(pk=run_id)
    run.status, run.error, run.finished_at = RunStatus.FAILED, error[:2000], timezone.now()
    run.save(update_fields=["status", "error", "finished_at", "updated_at"])
    audit_action(actor=None, action="reports.run.failed", obj=run, data={"error": run.error})


def _may_read(user, report_type: registry.ReportType) -> bool:
    return has_role(user, report_type.audience, Role.ADMIN)


def report_subscribers_notify(*, run_id: int) -> int:
    """Email each subscriber who may still read the report a link to the run. Returns how
    many were sent. Side effect: one email per subscriber."""
    run = ReportRun.objects.get(pk=run_id)
    report_type = registry.get(run.report_type)
    link = getattr(settings, "PEEL_SITE_URL", "http://127.0.0.1:8000") + reverse(
        "reports:run", args=[run.pk]
    )
    subscriptions = ReportSubscription.objects.filter(
        report_type=run.report_type, user__is_active=True
    ).select_related("user")
    sent = 0
    for subscription in subscriptions:
        user = subscription.user
        if not user.email or not _may_read(user, report_type):
            continue
        send_mail(
            subject=f"Peel: {report_type.title}, {run.period_label} is ready",
            message=(
                f"{report_type.title} for {run.period_label} is ready.\n\n{link}\n\n"
                "Sign in to Peel to read it. The report holds aggregate figures only."
            ),
            from_email=None,
            recipient_list=[user.email],
        )
        sent += 1
    return sent


def scheduled_run_queue(*, report_type: str, today: date | None = None) -> tuple[ReportRun, bool]:
    """Ask for the scheduled run of the latest complete period (a no-op when it exists).
    Returns (run, queued now)."""
    kind = registry.get(report_type).period_kind
    period = periods.latest_complete(kind, today or timezone.localdate())
    return report_run_request(
        actor=None, report_type=report_type, period=period, via=RequestedVia.SCHEDULE
    )


PERFORMANCE_FAIRNESS = "performance-fairness"


def panel_closed_run_queue(*, start_year: int) -> tuple[ReportRun, bool]:
    """A moderation panel of the performance year starting in April `start_year` closed:
    queue that year's completion and fairness report, rebuilding it if it was already built
    (its figures have changed). A run still queued or running is left to finish."""
    period = periods.containing("financial_year", date(start_year, 4, 1))
    return report_run_request(
        actor=None,
        report_type=PERFORMANCE_FAIRNESS,
        period=period,
        via=RequestedVia.SCHEDULE,
        rerun=True,
    )


def missing_runs_queue(*, report_types: list[str], today: date | None = None) -> list[ReportRun]:
    """Queue each scheduled run that should exist and does not, and send again runs that
    were queued long ago or whose worker died mid-build. Returns the runs sent."""
    sent = []
    for key in report_types:
        run, queued = scheduled_run_queue(report_type=key, today=today)
        if queued:
            sent.append(run)
    stale = ReportRun.objects.filter(
        status__in=[RunStatus.QUEUED, RunStatus.RUNNING],
        updated_at__lt=timezone.now() - REQUEUE_AFTER,
    )
    for run in stale:
        if not being_built(run.pk):
            _queue(run)
            sent.append(run)
    return sent
