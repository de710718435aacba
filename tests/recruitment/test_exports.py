"""The EOI and candidate lists download as CSV and XLSX with exactly the page's rows."""

import csv
import io

from openpyxl import load_workbook

from tests.recruitment.factories import CandidateFactory, EOIFactory


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200, response
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_eoi_list_downloads_with_the_page_scope(client_for, cast, ambassador):
    mine = EOIFactory(captured_by=ambassador, last_name="Mine")
    EOIFactory(last_name="Theirs")
    rows = csv_rows(client_for(ambassador).get("/recruitment/eois/", {"format": "csv"}))
    assert rows[0][:3] == ["Received", "First name", "Last name"]
    assert [r[2] for r in rows[1:]] == ["Mine"]
    everyone = xlsx_rows(
        client_for(cast["recruitment_officer"]).get("/recruitment/eois/", {"format": "xlsx"})
    )
    assert sorted(r[2] for r in everyone[1:]) == ["Mine", "Theirs"]
    assert everyone[1][0].date() == mine.received_on
    assert (
        client_for(cast["colleague"]).get("/recruitment/eois/", {"format": "csv"}).status_code
        == 403
    )


def test_the_eoi_export_keeps_the_filter(client_for, cast):
    EOIFactory(last_name="Pcda", route="pcda")
    EOIFactory(last_name="Dhep", route="dhep")
    client = client_for(cast["recruitment_officer"])
    rows = csv_rows(client.get("/recruitment/eois/", {"format": "csv", "route": "dhep"}))
    assert [r[2] for r in rows[1:]] == ["Dhep"]


def test_the_candidate_list_downloads_for_those_who_see_it(client_for, cast, ambassador):
    CandidateFactory()
    rows = xlsx_rows(
        client_for(cast["positive_action"]).get("/recruitment/candidates/", {"format": "xlsx"})
    )
    assert rows[0][0] == "Applied" and len(rows) == 2
    assert (
        client_for(ambassador).get("/recruitment/candidates/", {"format": "csv"}).status_code == 403
    )
