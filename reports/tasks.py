"""Celery tasks for reports: thin, they take ids and plain values and call a service.

Acknowledged late and requeued if the worker dies (settings: CELERY_TASK_ACKS_LATE and
CELERY_TASK_REJECT_ON_WORKER_LOST); report_run_execute makes a second delivery harmless.
"""

from celery import shared_task

from reports import schedule, services

RETRY_BACKOFF_MAX = 600


@shared_task(bind=True, name="reports.run_report", max_retries=6)
def run_report(self, run_id: int) -> str:
    """Build one report run; retry with back-off on transient database or Redis errors."""
    try:
        return services.report_run_execute(run_id=run_id)
    except services.TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            services.report_run_fail(run_id=run_id, error=f"Gave up after retries: {error}")
            return "failed"
        countdown = min(RETRY_BACKOFF_MAX, 2 ** (self.request.retries + 2))
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="reports.queue_scheduled_run")
def queue_scheduled_run(report_type: str) -> int:
    """Queue the scheduled run of `report_type` for its latest complete period."""
    run, _ = services.scheduled_run_queue(report_type=report_type)
    return run.pk


@shared_task(name="reports.queue_missing_runs")
def queue_missing_runs() -> list[int]:
    """Queue scheduled runs that should exist and do not (schedules paused in admin are
    skipped), and resend runs left waiting or orphaned by a dead worker."""
    runs = services.missing_runs_queue(report_types=schedule.enabled_report_types())
    return [run.pk for run in runs]


@shared_task(name="reports.performance_panel_closed")
def performance_panel_closed(start_year: int) -> int:
    """Sent through the outbox by performance when a moderation panel closes."""
    run, _ = services.panel_closed_run_queue(start_year=start_year)
    return run.pk
