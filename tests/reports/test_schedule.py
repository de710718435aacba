from datetime import date
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from reports import schedule, services
from reports.models import ReportRun, RequestedVia, RunStatus
from reports.tasks import queue_missing_runs

pytestmark = pytest.mark.django_db


def test_sync_puts_each_scheduled_report_and_the_sweeper_into_beat():
    call_command("sync_schedule")
    board = PeriodicTask.objects.get(name="Report: People and Change board pack")
    assert board.enabled and board.task == "reports.queue_scheduled_run"
    assert board.args == '["board-pack"]'
    assert board.crontab.month_of_year == "1,4,7,10" and board.crontab.day_of_month == "5"
    assert PeriodicTask.objects.filter(task="reports.queue_missing_runs").exists()


def test_syncing_again_keeps_an_admins_pause_and_times_unless_reset():
    schedule.sync()
    board = PeriodicTask.objects.get(name="Report: People and Change board pack")
    board.enabled = False
    board.save()
    assert schedule.sync()["kept"] >= 2
    board.refresh_from_db()
    assert not board.enabled
    schedule.sync(reset=True)
    board.refresh_from_db()
    assert board.enabled


def test_the_library_knows_when_the_schedule_runs_next():
    schedule.sync()
    task = schedule.scheduled_tasks()["board-pack"]
    when = schedule.next_run(task)
    assert when > timezone.now()
    assert timezone.localtime(when).day == 5 and timezone.localtime(when).hour == 6


def test_the_sweeper_queues_the_missing_run_of_each_enabled_schedule_only():
    schedule.sync()
    PeriodicTask.objects.filter(name="Report: Workforce representation").update(enabled=False)
    with mock.patch("reports.services._queue") as queue:
        runs = services.missing_runs_queue(
            report_types=schedule.enabled_report_types(), today=date(2026, 11, 28)
        )
    assert sorted((r.report_type, r.period_start, r.period_end) for r in runs) == [
        ("adjustments-service", date(2026, 10, 1), date(2026, 10, 31)),
        ("benefits-position", date(2026, 7, 1), date(2026, 9, 30)),
        ("board-pack", date(2026, 7, 1), date(2026, 9, 30)),
        ("performance-fairness", date(2025, 4, 1), date(2026, 3, 31)),
        ("recruitment-pipeline", date(2026, 11, 16), date(2026, 11, 22)),
        ("welfare-retention", date(2026, 10, 1), date(2026, 10, 31)),
    ]
    assert {r.requested_via for r in runs} == {RequestedVia.SCHEDULE}
    assert queue.call_count == len(runs)
    with mock.patch("reports.services._queue") as queue:
        again = services.missing_runs_queue(report_types=["board-pack"], today=date(2026, 11, 28))
    assert again == [] and queue.call_count == 0


def test_the_sweeper_resends_a_run_left_by_a_dead_worker():
    with mock.patch("reports.services._queue"):
        run, _ = services.scheduled_run_queue(report_type="board-pack", today=date(2026, 11, 28))
    long_ago = timezone.now() - services.REQUEUE_AFTER * 2
    ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, updated_at=long_ago)
    with mock.patch("reports.services._queue") as queue:
        services.missing_runs_queue(report_types=[], today=date(2026, 11, 28))
    queue.assert_called_once()
    assert queue.call_args.args[0].pk == run.pk


def test_the_beat_task_fills_in_missing_runs(django_capture_on_commit_callbacks):
    schedule.sync()
    with mock.patch("reports.services._queue"):
        ids = queue_missing_runs.apply().get()
    assert len(ids) == 7  # the board pack, workforce representation and the five summaries
    assert set(ReportRun.objects.values_list("requested_via", flat=True)) == {"schedule"}
