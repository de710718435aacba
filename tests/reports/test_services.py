from datetime import date
from unittest import mock

import psycopg
import pytest
from django.core import mail
from django.db import OperationalError, connection

from reports import periods, services
from reports.locks import NAMESPACE
from reports.models import ReportRun, ReportSubscription, RequestedVia, RunStatus
from reports.tasks import run_report
from tests.reports.slow_report import KEY as SLOW

pytestmark = pytest.mark.django_db

JUNE = periods.containing("month", date(2026, 6, 10))


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """ask(**kwargs) -> (run, queued): ask for a run and let it build inline (eager)."""

    def make(actor=None, report_type=SLOW, period=JUNE, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            run, queued = services.report_run_request(
                actor=actor, report_type=report_type, period=period, **kwargs
            )
        run.refresh_from_db()
        return run, queued

    return make


def test_it_builds_a_run_with_its_four_files(ask, benefits_analyst):
    run, queued = ask(actor=benefits_analyst)
    assert queued and run.status == RunStatus.SUCCEEDED and run.progress == 100
    assert sorted(run.files.values_list("kind", flat=True)) == ["csv", "html", "pdf", "xlsx"]
    assert run.requested_by == benefits_analyst and run.requested_via == RequestedVia.USER
    assert run.started_at <= run.finished_at


def test_asking_twice_gives_the_same_run(ask, benefits_analyst):
    first, _ = ask(actor=benefits_analyst)
    second, queued = ask(actor=benefits_analyst, parameters={"pause": "0"})
    assert second.pk == first.pk and not queued
    assert ReportRun.objects.count() == 1


def test_different_parameters_make_a_different_run(ask):
    first, _ = ask()
    with mock.patch("reports.services._queue"):
        other, queued = services.report_run_request(
            actor=None, report_type=SLOW, period=JUNE, parameters={"pause": "6"}
        )
    assert queued and other.pk != first.pk


def test_a_rerun_on_purpose_rebuilds_the_same_row_with_fresh_files(ask):
    first, _ = ask()
    old_names = set(first.files.values_list("file", flat=True))
    again, queued = ask(rerun=True)
    assert queued and again.pk == first.pk and again.status == RunStatus.SUCCEEDED
    assert again.attempts == 2 and again.files.count() == 4
    assert set(again.files.values_list("file", flat=True)) == old_names  # replaced, not added


def test_a_run_that_succeeded_is_not_built_again(ask):
    run, _ = ask()
    finished = run.finished_at
    assert services.report_run_execute(run_id=run.pk) == "done already"
    run.refresh_from_db()
    assert run.finished_at == finished and run.attempts == 1


def test_a_run_another_process_is_building_is_left_to_it():
    with mock.patch("reports.services._queue"):
        run, _ = services.report_run_request(actor=None, report_type=SLOW, period=JUNE)
    db = connection.settings_dict
    other = psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"]
    )
    try:
        other.execute("SELECT pg_advisory_lock(%s, %s)", [NAMESPACE, run.pk])
        assert services.report_run_execute(run_id=run.pk) == "busy"
    finally:
        other.close()
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED


def test_a_failing_section_marks_the_run_failed_with_the_error(ask):
    with mock.patch("reports.services._build", side_effect=ValueError("no data")):
        run, _ = ask()
    assert run.status == RunStatus.FAILED and "no data" in run.error
    assert run.files.count() == 0


def test_a_transient_database_error_is_retried_and_then_succeeds():
    real = services._build
    calls = []

    def flaky(run):
        calls.append(run.pk)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real(run)

    with mock.patch("reports.services._queue"):
        run, _ = services.report_run_request(actor=None, report_type=SLOW, period=JUNE)
    with mock.patch("reports.services._build", side_effect=flaky):
        run_report.apply(args=[run.pk], throw=False)  # eager retries run inline
    run.refresh_from_db()
    assert len(calls) == 2 and run.status == RunStatus.SUCCEEDED


def test_it_gives_up_after_the_last_retry_and_says_why():
    with mock.patch("reports.services._queue"):
        run, _ = services.report_run_request(actor=None, report_type=SLOW, period=JUNE)
    with mock.patch(
        "reports.services.report_run_execute", side_effect=OperationalError("still down")
    ):
        result = run_report.apply(args=[run.pk], retries=run_report.max_retries)
    assert result.get() == "failed"
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "still down" in run.error


def test_an_unknown_report_or_parameter_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.report_run_request(actor=None, report_type="nope", period=JUNE)
    with pytest.raises(ValidationError):
        services.report_run_request(
            actor=None, report_type=SLOW, period=JUNE, parameters={"pause": "99"}
        )
    assert ReportRun.objects.count() == 0


def test_subscribers_get_a_link_when_a_scheduled_run_succeeds(ask, benefits_analyst, colleague):
    ReportSubscription.objects.create(report_type=SLOW, user=benefits_analyst)
    ReportSubscription.objects.create(report_type=SLOW, user=colleague)  # not the audience
    run, _ = ask(via=RequestedVia.SCHEDULE)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [benefits_analyst.email]
    assert f"/reports/runs/{run.pk}/" in mail.outbox[0].body


def test_nobody_is_emailed_for_a_run_a_user_asked_for(ask, benefits_analyst):
    ReportSubscription.objects.create(report_type=SLOW, user=benefits_analyst)
    ask(actor=benefits_analyst)
    assert mail.outbox == []
