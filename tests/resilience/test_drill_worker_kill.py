"""Drill 1: a report asked for on the site, its Celery worker SIGKILLed mid-build: the run
completes exactly once after a new worker starts."""

import os
import signal
import time
from datetime import date

import pytest
from auditlog.models import LogEntry

from people.roles import Role
from reports import periods
from reports.models import ReportRun, RunStatus
from tests.factories import UserFactory
from tests.reports.slow_report import KEY as SLOW
from tests.resilience.stack import say, wait_until

pytestmark = pytest.mark.resilience


def _status(run_id, wanted):
    run = ReportRun.objects.get(pk=run_id)
    return run if run.status in wanted else None


def test_drill_1_a_killed_worker_is_replaced_and_the_run_completes_once(stack):
    analyst = UserFactory(staff_number="benefits", roles=[Role.BENEFITS_ANALYST])
    stack.start_web()
    first = stack.start_worker("worker-1")
    browser = stack.browser(analyst)
    period = periods.recent("month", date.today())[1]
    page = f"/reports/{SLOW}/"
    started = time.monotonic()
    asked = browser.post(
        f"/reports/{SLOW}/run/", {"period": period.key, "pause": "6"}, form_page=page
    )
    assert asked.status_code == 302, asked.status_code
    run_id = ReportRun.objects.get(report_type=SLOW).pk
    say(f"drill 1: asked for run {run_id} over HTTP; waiting for worker-1 to start it")
    wait_until(lambda: _status(run_id, {RunStatus.RUNNING}), timeout=60, what="running")
    time.sleep(1)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    killed = ReportRun.objects.get(pk=run_id)
    say(f"drill 1: SIGKILLed worker-1 (pid {first.pid}) at {killed.progress}% progress")
    assert killed.status == RunStatus.RUNNING and killed.files.count() == 0

    stack.start_worker("worker-2")
    say("drill 1: started worker-2")
    run = wait_until(
        lambda: _status(run_id, {RunStatus.SUCCEEDED, RunStatus.FAILED}),
        timeout=120,
        what="the run to finish",
    )
    successes = LogEntry.objects.filter(
        object_pk=str(run_id), additional_data__action="reports.run.succeeded"
    ).count()
    files = sorted(run.files.values_list("kind", flat=True))
    say(
        f"drill 1: run {run_id} {run.status} after {time.monotonic() - started:.1f} s; "
        f"attempts={run.attempts}, succeeded audit entries={successes}, files={files}, "
        f"runs for the report={ReportRun.objects.filter(report_type=SLOW).count()}"
    )
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.attempts == 2 and successes == 1 and len(files) == 4
    assert ReportRun.objects.filter(report_type=SLOW).count() == 1
