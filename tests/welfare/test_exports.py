"""The welfare case list downloads for the welfare team only, without notes."""

import csv
import io

from openpyxl import load_workbook


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200, response
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_case_list_downloads_for_the_welfare_team(client_for, cast, case, raised_case):
    rows = csv_rows(client_for(cast["welfare_officer"]).get("/welfare/cases/", {"format": "csv"}))
    assert rows[0][0] == "Case" and len(rows) == 2
    assert "Missed three shifts" not in str(rows)
    sheet = xlsx_rows(
        client_for(cast["welfare_officer"]).get("/welfare/cases/", {"format": "xlsx"})
    )
    assert sheet[1][1] == "student"


def test_others_cannot_download_the_case_list(client_for, cast, case):
    for role in ("manager", "colleague", "ra_officer"):
        response = client_for(cast[role]).get("/welfare/cases/", {"format": "csv"})
        assert response.status_code == 403, role
