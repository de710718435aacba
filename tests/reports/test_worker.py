"""Runs built by real Celery workers over Redis: the files arrive, and a worker killed in the
middle of a run does not stop it completing exactly once."""

import os
import signal
import time

import pytest
from auditlog.models import LogEntry

from reports import services
from reports.models import FileKind, ReportRun, RunStatus
from reports.tasks import run_report
from tests.reports.conftest import wait_for
from tests.reports.factories import colleague
from tests.reports.slow_report import KEY as SLOW

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True),
]


def _files_on_disk(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _successes(run) -> int:
    return LogEntry.objects.filter(
        object_pk=str(run.pk), additional_data__action="reports.run.succeeded"
    ).count()


def test_a_run_goes_over_redis_to_the_shared_worker_and_gets_its_files(
    celery_worker_process, quarter, people_analyst
):
    colleague(person_type="officer", ethnicity="B_CAR")
    run, _ = services.report_run_request(
        actor=people_analyst, report_type="board-pack", period=quarter
    )
    run = wait_for(run.pk, status={RunStatus.SUCCEEDED, RunStatus.FAILED})
    assert run.status == RunStatus.SUCCEEDED, run.error
    sizes = dict(run.files.values_list("kind", "size"))
    assert set(sizes) == set(FileKind.values) and all(sizes.values())
    assert run.content["sections"][0]["title"] == "Force strength position"


def test_it_builds_a_board_pack_on_a_real_worker_and_the_files_arrive(
    report_worker, report_files_dir, quarter, people_analyst
):
    colleague(person_type="officer", ethnicity="B_CAR")
    report_worker.start()
    run, queued = services.report_run_request(
        actor=people_analyst, report_type="board-pack", period=quarter
    )
    assert queued
    run = wait_for(run.pk, status={RunStatus.SUCCEEDED, RunStatus.FAILED})
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.progress == 100 and run.attempts == 1
    files = {f.kind: f for f in run.files.all()}
    assert set(files) == set(FileKind.values)
    with files[FileKind.PDF].file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    with files[FileKind.HTML].file.open("rb") as handle:
        assert b"Force strength position" in handle.read()
    assert len(_files_on_disk(report_files_dir)) == 4


def test_a_worker_killed_mid_run_is_replaced_and_the_run_completes_exactly_once(
    report_worker, report_files_dir, benefits_analyst
):
    first = report_worker.start()
    run, _ = services.report_run_request(
        actor=benefits_analyst,
        report_type=SLOW,
        period=services.periods.containing("month", services.timezone.localdate()),
        parameters={"pause": "6"},
    )
    wait_for(run.pk, status={RunStatus.RUNNING}, timeout=60)
    time.sleep(1)  # well inside the slow section
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    killed = ReportRun.objects.get(pk=run.pk)
    assert killed.status == RunStatus.RUNNING and killed.files.count() == 0

    time.sleep(3)  # past the broker's visibility timeout, so the task is handed out again
    report_worker.start()
    run = wait_for(run.pk, status={RunStatus.SUCCEEDED, RunStatus.FAILED})
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.attempts == 2  # the killed attempt and the one that finished
    assert run.files.count() == 4
    assert len(_files_on_disk(report_files_dir)) == 4
    assert _successes(run) == 1

    # Delivering the task once more (a duplicate message) changes nothing.
    finished_at = run.finished_at
    result = run_report.apply_async(args=[run.pk], queue=report_worker.queue)
    assert result.get(timeout=60) == "done already"
    run.refresh_from_db()
    assert run.finished_at == finished_at and run.files.count() == 4
    assert len(_files_on_disk(report_files_dir)) == 4
    assert _successes(run) == 1
