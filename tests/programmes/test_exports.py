"""The benefit register and project list download for register readers only."""

import csv
import io

from openpyxl import load_workbook

from tests.programmes.factories import BenefitFactory


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200, response
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_registers_download_for_readers(client_for, cast):
    benefit = BenefitFactory()
    client = client_for(cast["benefits_analyst"])
    rows = csv_rows(client.get("/programmes/benefits/", {"format": "csv"}))
    assert rows[0][0] == "Reference" and [r[0] for r in rows[1:]] == [benefit.reference]
    projects = xlsx_rows(client.get("/programmes/projects/", {"format": "xlsx"}))
    assert [r[1] for r in projects[1:]] == [benefit.project.name]


def test_others_cannot_download_the_registers(client_for, cast):
    BenefitFactory()
    for role in ("colleague", "outsider", "welfare_officer"):
        for url in ("/programmes/benefits/", "/programmes/projects/"):
            response = client_for(cast[role]).get(url, {"format": "csv"})
            assert response.status_code == 403, (role, url)
