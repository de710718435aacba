"""Welfare case STATUS over the API: the welfare team sees every case, a line manager only the
cases they raised, anyone else none; never the concern or any notes."""

from datetime import date

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.welfare.factories import student_officer
from welfare import services

NOTE_FIELDS = {"concern", "support_notes", "theme_notes", "outcome_notes", "outcome"}


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def case(welfare_officer):
    """A case the welfare team opened about another student officer (not the manager's)."""
    return services.welfare_case_open(
        actor=welfare_officer,
        officer=student_officer(),
        how_opened="welfare_team",
        notified_on=date(2026, 1, 6),
        concern="Missed three shifts.",
        assigned_to=welfare_officer,
    )


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_welfare_team_sees_every_case_status_without_notes(case, raised_case, cast, client_for):
    response = client_for(cast["welfare_officer"]).get("/api/v1/welfare-cases/")
    assert ids(response) == {case.pk, raised_case.pk}
    row = response.json()["results"][0]
    assert not NOTE_FIELDS & set(row)
    assert row["status"].startswith("Open")


def test_a_line_manager_sees_only_the_cases_they_raised(case, raised_case, manager):
    client = token_client(manager)
    assert ids(client.get("/api/v1/welfare-cases/")) == {raised_case.pk}
    assert client.get(f"/api/v1/welfare-cases/{case.pk}/").status_code == 404
    body = client.get(f"/api/v1/welfare-cases/{raised_case.pk}/").json()
    assert body["status"] == "Open: waiting for first contact"
    assert not NOTE_FIELDS & set(body)


def test_another_manager_or_role_sees_no_case(case, raised_case, cast, client_for):
    other_manager = cast["outsider"]
    for role in ("colleague", "student", "ambassador", "recruitment_officer", "outsider"):
        assert ids(token_client(cast[role]).get("/api/v1/welfare-cases/")) == set()
    for role in ("ra_officer", "moderator", "people_analyst"):
        assert ids(client_for(cast[role]).get("/api/v1/welfare-cases/")) == set()
    assert token_client(other_manager).get(f"/api/v1/welfare-cases/{case.pk}/").status_code == 404


def test_a_closed_case_says_closed(case, welfare_officer, raised_case, manager):
    services.welfare_case_close(
        actor=welfare_officer, case=raised_case, outcome="retained", closed_on=date(2026, 2, 1)
    )
    body = token_client(manager).get(f"/api/v1/welfare-cases/{raised_case.pk}/").json()
    assert body["status"] == "Closed"
