"""The team and panel lists download with the page's scope."""

import csv
import io

from openpyxl import load_workbook

from tests.performance.factories import make_rating


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200, response
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_team_list_downloads_the_managers_reports(client_for, cast, year):
    make_rating(cast["colleague"], year)
    make_rating(cast["outsider"], year)
    rows = csv_rows(client_for(cast["manager"]).get("/performance/team/", {"format": "csv"}))
    assert sorted(r[0] for r in rows[1:]) == ["colleague", "student"]
    colleague = next(r for r in rows if r[0] == "colleague")
    student = next(r for r in rows if r[0] == "student")
    assert colleague[-1] != "Not rated" and student[-1] == "Not rated"
    response = client_for(cast["outsider"]).get("/performance/team/", {"format": "xlsx"})
    assert response.status_code == 403


def test_the_panel_list_downloads_its_department_less_the_moderator(client_for, cast, panel, year):
    for name in ("colleague", "moderator", "outsider"):
        make_rating(cast[name], year)
    url = f"/performance/panels/{panel.pk}/"
    rows = xlsx_rows(client_for(cast["moderator"]).get(url, {"format": "xlsx"}))
    assert [r[0] for r in rows[1:]] == ["colleague"]
    assert client_for(cast["manager"]).get(url, {"format": "csv"}).status_code in (403, 404)
