from datetime import date

from django.urls import reverse

from reports.models import RunStatus
from tests.reports.test_views import _run


def _runs(n):
    """n more board-pack runs, each for an earlier quarter than the last."""
    from reports.models import ReportRun

    done = ReportRun.objects.filter(report_type="board-pack").count()
    for i in range(done, done + n):
        months = 2026 * 12 + 6 - 3 * i  # July 2026, then a quarter earlier each time
        _run(start=date(months // 12, months % 12 + 1, 1))


def test_the_report_library(cast, client_for, flat):
    flat(client_for(cast["people_analyst"]), reverse("reports:library"), lambda n: _runs(n))


def test_a_report_with_many_runs(cast, client_for, flat):
    flat(
        client_for(cast["people_analyst"]),
        reverse("reports:report", args=["board-pack"]),
        _runs,
    )


def test_a_run(cast, client_for, flat):
    run = _run(start=date(2030, 1, 1))
    flat(client_for(cast["people_analyst"]), reverse("reports:run", args=[run.pk]), _runs)


def test_a_run_s_progress(cast, client_for, flat):
    run = _run(start=date(2030, 1, 1), status=RunStatus.RUNNING)
    flat(client_for(cast["people_analyst"]), reverse("reports:run-progress", args=[run.pk]), _runs)


def test_api_runs(cast, client_for, flat):
    flat(client_for(cast["people_analyst"]), reverse("v1:report-run-list"), _runs)


def test_api_a_run(cast, client_for, flat):
    run = _run(start=date(2030, 1, 1))
    flat(client_for(cast["people_analyst"]), reverse("v1:report-run-detail", args=[run.pk]), _runs)
