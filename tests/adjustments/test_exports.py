"""The adjustments queue downloads for RA officers only, without health details."""

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


def test_the_queue_downloads_for_ra_officers(client_for, cast, submitted):
    client = client_for(cast["ra_officer"])
    rows = csv_rows(client.get("/adjustments/", {"format": "csv"}))
    assert rows[0][:2] == ["Staff number", "Colleague"]
    assert [r[0] for r in rows[1:]] == ["colleague"]
    assert "Dyslexia" not in str(rows)
    assert xlsx_rows(client.get("/adjustments/", {"format": "xlsx"}))[1][0] == "colleague"


def test_others_cannot_download_the_queue(client_for, cast, submitted):
    for role in ("manager", "colleague", "welfare_officer"):
        response = client_for(cast[role]).get("/adjustments/", {"format": "csv"})
        assert response.status_code == 403, role
