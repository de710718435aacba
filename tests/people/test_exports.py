"""The team list downloads as CSV and XLSX with exactly the rows the page shows."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from tests.factories import UserFactory


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_it_downloads_the_team_as_csv(client_for, cast):
    response = client_for(cast["manager"]).get("/people/team/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-team.csv"'
    rows = csv_rows(response)
    assert rows[0][:3] == ["Staff number", "First name", "Last name"]
    assert sorted(r[0] for r in rows[1:]) == ["colleague", "student"]
    student = next(r for r in rows if r[0] == "student")
    assert student[-1] == "01/09/2025"
    assert student[-2] == "Birmingham West NPU"


def test_it_downloads_the_team_as_xlsx(client_for, cast):
    response = client_for(cast["manager"]).get("/people/team/", {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Staff number"
    assert sorted(r[0] for r in rows[1:]) == ["colleague", "student"]
    student = next(r for r in rows if r[0] == "student")
    assert student[-1].date() == date(2025, 9, 1)


def test_the_export_has_the_page_scope(client_for, cast):
    UserFactory(staff_number="elsewhere", line_manager=cast["outsider"])
    rows = csv_rows(client_for(cast["manager"]).get("/people/team/", {"format": "csv"}))
    assert "elsewhere" not in {r[0] for r in rows}


def test_export_needs_sign_in_and_a_team(client, client_for, cast):
    assert client.get("/people/team/", {"format": "csv"}).status_code == 302
    response = client_for(cast["colleague"]).get("/people/team/", {"format": "csv"})
    assert response.status_code == 403


def test_the_page_offers_the_downloads(client_for, cast):
    page = client_for(cast["manager"]).get("/people/team/").content.decode()
    assert "format=csv" in page and "format=xlsx" in page


def test_a_name_that_looks_like_a_formula_is_defused(client_for, cast):
    UserFactory(staff_number="formula", first_name="=HYPERLINK(1)", line_manager=cast["manager"])
    rows = csv_rows(client_for(cast["manager"]).get("/people/team/", {"format": "csv"}))
    row = next(r for r in rows if r[0] == "formula")
    assert row[1] == "'=HYPERLINK(1)"
