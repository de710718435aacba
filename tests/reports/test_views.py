import re
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from reports import periods
from reports.models import ReportFile, ReportRun, RequestedVia, RunStatus
from tests.reports.slow_report import KEY as SLOW
from tests.utils import queries_for

pytestmark = pytest.mark.django_db

# The latest complete quarter: the run-now form offers recent periods only.
QUARTER_KEY = periods.latest_complete("quarter", timezone.localdate()).key


def _run(report_type="board-pack", status=RunStatus.SUCCEEDED, start=date(2026, 7, 1), **extra):
    period = periods.containing("quarter" if report_type == "board-pack" else "month", start)
    run = ReportRun.objects.create(
        report_type=report_type,
        period_start=period.start,
        period_end=period.end,
        period_label=period.label,
        parameters={"definition": "emg"} if report_type == "board-pack" else {"pause": "0"},
        status=status,
        progress=100 if status == RunStatus.SUCCEEDED else 40,
        requested_via=RequestedVia.USER,
        content={"title": "T", "period_label": period.label, "sections": [], "parameters": []},
        finished_at=timezone.now() if status == RunStatus.SUCCEEDED else None,
        **extra,
    )
    if status == RunStatus.SUCCEEDED:
        name = default_storage.save(f"reports/t/{run.pk}/r.pdf", ContentFile(b"%PDF-1.7 test"))
        ReportFile.objects.create(run=run, kind="pdf", file=name, size=13)
    return run


@pytest.fixture
def board_run(db):
    return _run()


def _pages(run):
    return {
        "library": "/reports/",
        "report": "/reports/board-pack/",
        "run": f"/reports/runs/{run.pk}/",
        "progress": f"/reports/runs/{run.pk}/progress/",
        "download": f"/reports/runs/{run.pk}/files/pdf/",
    }


def test_every_page_works_for_the_reports_audience(client_for, people_analyst, board_run):
    client = client_for(people_analyst)
    for name, url in _pages(board_run).items():
        response = client.get(url)
        assert response.status_code == 200, name
    download = client.get(f"/reports/runs/{board_run.pk}/files/pdf/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]


def test_an_admin_sees_every_report(client_for, admin_user, board_run):
    client = client_for(admin_user)
    assert client.get(f"/reports/runs/{board_run.pk}/").status_code == 200
    slow = _run(SLOW)
    assert client.get(f"/reports/runs/{slow.pk}/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, board_run):
    for name, url in _pages(board_run).items():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    assert client.post("/reports/board-pack/run/", {"period": QUARTER_KEY}).status_code == 302


def test_a_colleague_outside_every_reports_audience_gets_403(client_for, colleague, board_run):
    client = client_for(colleague)
    for name, url in _pages(board_run).items():
        assert client.get(url).status_code == 403, name
    assert client.post("/reports/board-pack/run/", {"period": QUARTER_KEY}).status_code == 403


def test_another_reports_audience_gets_404_on_the_board_pack(
    client_for, benefits_analyst, board_run
):
    client = client_for(benefits_analyst)
    assert client.get("/reports/").status_code == 200
    pages = _pages(board_run)
    del pages["library"]
    for name, url in pages.items():
        assert client.get(url).status_code == 404, name
    assert client.post("/reports/board-pack/run/", {"period": QUARTER_KEY}).status_code == 403


def test_missing_runs_files_and_reports_are_404(client_for, people_analyst, board_run):
    client = client_for(people_analyst)
    assert client.get("/reports/runs/999999/").status_code == 404
    assert client.get(f"/reports/runs/{board_run.pk}/files/xlsx/").status_code == 404
    assert client.get(f"/reports/runs/{board_run.pk}/files/exe/").status_code == 404
    assert client.get("/reports/no-such-report/").status_code == 404
    assert client.post("/reports/no-such-report/run/", {}).status_code == 404


def test_the_library_shows_last_and_next_runs_only_of_reports_i_may_read(
    client_for, people_analyst, board_run
):
    _run(SLOW)
    page = client_for(people_analyst).get("/reports/").content.decode()
    assert "People and Change board pack" in page and board_run.period_label in page
    assert "Test report for benefits analysts" not in page


def test_run_now_twice_for_the_same_period_makes_one_run(
    client_for, people_analyst, django_capture_on_commit_callbacks
):
    client = client_for(people_analyst)
    data = {"period": QUARTER_KEY, "definition": "emg"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/reports/board-pack/run/", data)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post("/reports/board-pack/run/", data)
    assert ReportRun.objects.count() == 1
    run = ReportRun.objects.get()
    assert first["Location"] == second["Location"] == f"/reports/runs/{run.pk}/"
    assert run.status == RunStatus.SUCCEEDED and run.files.count() == 4
    page = client.get(f"/reports/runs/{run.pk}/").content.decode()
    assert "Force strength position" in page and "Download" in page


def test_a_period_that_is_not_offered_is_refused_on_the_form(client_for, people_analyst):
    response = client_for(people_analyst).post(
        "/reports/board-pack/run/", {"period": "2026-07-01:2026-08-15", "definition": "emg"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert ReportRun.objects.count() == 0


def test_a_run_in_progress_shows_an_accessible_bar_that_polls(client_for, people_analyst):
    run = _run(status=RunStatus.RUNNING)
    page = client_for(people_analyst).get(f"/reports/runs/{run.pk}/").content.decode()
    bar = re.search(r'<div class="progress[^"]*"[^>]*>', page).group(0)
    assert 'role="progressbar"' in bar and 'aria-valuenow="40"' in bar
    assert 'aria-valuemin="0"' in bar and 'aria-valuemax="100"' in bar
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="/reports/runs/{run.pk}/progress/"' in page
    assert "<script>" not in page and 'style="' not in page


def test_the_progress_poll_reloads_the_page_once_the_run_succeeds(client_for, people_analyst):
    run = _run(status=RunStatus.RUNNING)
    client = client_for(people_analyst)
    assert "hx-trigger" in client.get(f"/reports/runs/{run.pk}/progress/").content.decode()
    ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.SUCCEEDED, progress=100)
    response = client.get(f"/reports/runs/{run.pk}/progress/", headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"


def test_a_failed_run_says_why_and_stops_polling(client_for, people_analyst):
    run = _run(status=RunStatus.FAILED, error="ValueError: no data")
    page = client_for(people_analyst).get(f"/reports/runs/{run.pk}/").content.decode()
    assert "ValueError: no data" in page and "hx-trigger" not in page


def test_the_run_history_costs_the_same_queries_at_few_and_many_runs(client_for, people_analyst):
    client = client_for(people_analyst)
    _run(start=date(2026, 7, 1))
    few = queries_for(client, "/reports/board-pack/")
    for n in range(60):
        _run(start=date(2010 + n // 4, 3 * (n % 4) + 1, 1))
    many = queries_for(client, "/reports/board-pack/")
    assert few == many and many <= 10
    assert queries_for(client, "/reports/board-pack/", status="succeeded") == many


def test_my_work_lists_runs_i_asked_for_that_are_not_ready_or_failed(people_analyst):
    from reports.work import reports_work_for

    assert reports_work_for(people_analyst) == []
    _run(status=RunStatus.RUNNING, requested_by=people_analyst)
    _run(status=RunStatus.FAILED, start=date(2026, 4, 1), requested_by=people_analyst)
    items = reports_work_for(people_analyst)
    assert [(i.title, i.count, i.urgent) for i in items] == [
        ("Reports being built", 1, False),
        ("Reports that failed", 1, True),
    ]


def test_the_demo_seed_syncs_the_schedule_and_subscribes_the_analyst(db):
    from django_celery_beat.models import PeriodicTask

    from reports import demo
    from reports.models import ReportSubscription
    from tests.factories import UserFactory

    UserFactory(staff_number="analyst")
    demo.seed()
    demo.seed()
    assert PeriodicTask.objects.filter(task="reports.queue_scheduled_run").count() == 7
    # the board pack, workforce representation, performance fairness: the analyst's reports
    assert ReportSubscription.objects.filter(user__staff_number="analyst").count() == 3


def test_the_library_costs_the_same_queries_with_more_runs_and_reports(client_for, admin_user):
    client = client_for(admin_user)
    _run()
    few = queries_for(client, "/reports/")
    for n in range(12):
        _run(start=date(2020 + n // 4, 3 * (n % 4) + 1, 1))
        _run(SLOW, start=date(2020 + n // 12, n % 12 + 1, 1), status=RunStatus.FAILED)
    many = queries_for(client, "/reports/")
    assert few == many and many <= 10
