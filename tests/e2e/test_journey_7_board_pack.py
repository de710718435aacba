"""Journey 7: a people analyst runs the board pack, watches the progress bar while it is
built, then reads it and downloads the PDF.

Tests run tasks inline, which would finish the report before its page loads; here the
task is held when queued and run by the test while the analyst's page is polling, as a
worker would."""

import re
from pathlib import Path

import pytest

from people.models import PersonType
from reports.models import ReportRun, RunStatus
from reports.tasks import run_report
from tests.browser import assert_accessible, screenshot, sign_in
from tests.reports.factories import workforce

OFFICER, STAFF = PersonType.POLICE_OFFICER, PersonType.POLICE_STAFF

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def held_tasks(monkeypatch):
    """Report runs queued through the outbox wait here instead of running inline."""
    from core import outbox

    held = []
    send = outbox._send

    def hold(message):
        if message.task == run_report.name:
            held.append(message.args[0])
        else:
            send(message)

    monkeypatch.setattr(outbox, "_send", hold)
    return held


def _ask_for_the_board_pack(page) -> None:
    page.goto("/reports/")
    assert_accessible(page, "report library")
    with page.expect_navigation():
        page.get_by_role("link", name="People and Change board pack").first.click()
    assert_accessible(page, "board pack")
    with page.expect_navigation():
        page.get_by_role("button", name="Run now").click()


def _charts_have_text_alternatives(page) -> None:
    charts = page.locator("main figure img")
    assert charts.count() > 0
    for alt in charts.evaluate_all("imgs => imgs.map(img => img.alt)"):
        assert len(alt) > 20, alt  # says what the chart shows, not just "chart"


def test_an_analyst_runs_the_board_pack_and_downloads_the_pdf(page, people_analyst, held_tasks):
    workforce(
        {
            ("White", OFFICER): 40,
            ("Asian or Asian British", OFFICER): 12,
            ("Black, Black British, Caribbean or African", OFFICER): 6,
            ("White", STAFF): 30,
            ("Mixed or multiple ethnic groups", STAFF): 7,
        }
    )
    sign_in(page, people_analyst)
    assert_accessible(page, "analyst's home page")
    _ask_for_the_board_pack(page)

    bar = page.get_by_role("progressbar", name="Report progress")
    assert bar.get_attribute("aria-valuenow") == "0"
    assert "Waiting for a worker" in page.get_by_role("status").inner_text()
    assert_accessible(page, "run page, queued")
    [run_id] = held_tasks
    run_report.apply(args=[run_id])  # the worker picks it up; the page polls and reloads
    page.get_by_role("heading", name="Download").wait_for()
    assert_accessible(page, "board pack, built")
    _charts_have_text_alternatives(page)
    screenshot(page, "journey-7-board-pack")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^PDF")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"
    run = ReportRun.objects.get(pk=run_id)
    assert run.status == RunStatus.SUCCEEDED and run.requested_by == people_analyst
