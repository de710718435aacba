"""Passports over the API: their owner, RA officers, and a current line manager the owner has
shared it with, as on the pages; never the health details."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.adjustments.factories import PassportFactory

HEALTH_FIELDS = {"conditions", "impact", "good_day", "bad_day", "about_me", "advice_notes"}


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_owner_sees_their_own_passport_only(passport, colleague, cast):
    other = PassportFactory(owner=cast["outsider"])
    client = token_client(colleague)
    response = client.get("/api/v1/passports/")
    assert ids(response) == {passport.pk}
    assert not HEALTH_FIELDS & set(response.json()["results"][0])
    assert client.get(f"/api/v1/passports/{other.pk}/").status_code == 404


def test_ra_officers_see_every_passport(passport, cast, client_for):
    other = PassportFactory(owner=cast["outsider"])
    response = client_for(cast["ra_officer"]).get("/api/v1/passports/")
    assert ids(response) == {passport.pk, other.pk}


def test_a_manager_sees_a_report_passport_only_once_shared(passport, manager, colleague):
    client = token_client(manager)
    assert ids(client.get("/api/v1/passports/")) == set()
    assert client.get(f"/api/v1/passports/{passport.pk}/").status_code == 404
    from adjustments import services

    services.passport_consent_give(actor=colleague, passport=passport)
    assert ids(client.get("/api/v1/passports/")) == {passport.pk}


def test_other_roles_and_departments_see_no_passport(shared_passport, cast, client_for):
    for role in ("outsider", "student", "ambassador", "recruitment_officer", "benefits_analyst"):
        assert ids(token_client(cast[role]).get("/api/v1/passports/")) == set()
    for role in ("welfare_officer", "moderator", "people_analyst"):
        assert ids(client_for(cast[role]).get("/api/v1/passports/")) == set()
