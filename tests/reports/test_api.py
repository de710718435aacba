"""Report runs over the API: request a run, follow its status, find its download links;
scoped to each report's audience as the report pages are."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from reports import periods
from reports.models import ReportFile, ReportRun, RequestedVia, RunStatus
from tests.reports.slow_report import KEY as SLOW

pytestmark = pytest.mark.django_db
QUARTER_KEY = periods.latest_complete("quarter", timezone.localdate()).key


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def a_run(report_type: str, status=RunStatus.SUCCEEDED) -> ReportRun:
    kind = "quarter" if report_type == "board-pack" else "month"
    period = periods.latest_complete(kind, timezone.localdate())
    return ReportRun.objects.create(
        report_type=report_type,
        period_start=period.start,
        period_end=period.end,
        period_label=period.label,
        parameters={},
        status=status,
        progress=100,
        requested_via=RequestedVia.USER,
        finished_at=timezone.now(),
    )


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_an_analyst_requests_a_run_once_and_follows_it(people_analyst, client_for):
    client = client_for(people_analyst)
    data = {"report_type": "board-pack", "period": QUARTER_KEY, "parameters": {"definition": "emg"}}
    first = client.post("/api/v1/report-runs/", data, content_type="application/json")
    assert first.status_code == 201, first.content
    again = client.post("/api/v1/report-runs/", data, content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert ReportRun.objects.count() == 1
    status = client.get(f"/api/v1/report-runs/{first.json()['id']}/").json()
    assert status["status"] in ("queued", "running", "succeeded") and "downloads" in status


def test_a_finished_run_links_its_files(people_analyst, client_for, report_files_dir):
    run = a_run("board-pack")
    ReportFile.objects.create(run=run, kind="pdf", file=ContentFile(b"%PDF", name="pack.pdf"))
    body = client_for(people_analyst).get(f"/api/v1/report-runs/{run.pk}/").json()
    assert body["downloads"] == [{"kind": "pdf", "url": f"/reports/runs/{run.pk}/files/pdf/"}]


def test_each_audience_sees_only_its_own_reports_runs(people_analyst, benefits_analyst, client_for):
    board, slow = a_run("board-pack"), a_run(SLOW)
    assert ids(client_for(people_analyst).get("/api/v1/report-runs/")) == {board.pk}
    benefits = token_client(benefits_analyst)
    assert ids(benefits.get("/api/v1/report-runs/")) == {slow.pk}
    assert benefits.get(f"/api/v1/report-runs/{board.pk}/").status_code == 404
    refused = benefits.post(
        "/api/v1/report-runs/", {"report_type": "board-pack", "period": QUARTER_KEY}, format="json"
    )
    assert refused.status_code == 400


def test_colleagues_outside_every_audience_are_refused(cast):
    a_run("board-pack")
    for role in ("colleague", "outsider", "manager", "ambassador"):
        assert token_client(cast[role]).get("/api/v1/report-runs/").status_code == 403


def test_a_period_that_is_not_offered_is_a_400(people_analyst, client_for):
    response = client_for(people_analyst).post(
        "/api/v1/report-runs/",
        {"report_type": "board-pack", "period": "1999-Q1"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "period" in response.json()
