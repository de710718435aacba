"""Recruitment endpoints show what the pages show, and a phone that retries a capture with
the same Idempotency-Key creates one EOI."""

import uuid

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from recruitment.models import ExpressionOfInterest
from tests.recruitment.factories import CampaignFactory, EOIFactory, IntakeFactory, ZoneFactory
from tests.utils import queries_for

EOI = ExpressionOfInterest
FORBIDDEN_FIELDS = {"sex", "ethnicity", "disability", "sexual_orientation", "religion", "equality"}


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def capture(**changes) -> dict:
    return {
        "first_name": "Amira",
        "last_name": "Khan",
        "email": "Amira.Khan@example.com",
        "phone": "07700 900123",
        "postcode": "b42 1aa",
        "route": "pcda",
        "consent_to_contact": True,
        **changes,
    }


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_same_eoi_posted_twice_with_the_same_key_exists_once(ambassador):
    client = token_client(ambassador)
    key = str(uuid.uuid4())
    first = client.post("/api/v1/eois/", capture(), format="json", HTTP_IDEMPOTENCY_KEY=key)
    again = client.post("/api/v1/eois/", capture(), format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == 201, first.content
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert EOI.objects.filter(email="amira.khan@example.com").count() == 1
    assert first.json()["postcode"] == "B42 1AA"
    assert not FORBIDDEN_FIELDS & set(first.json())


def test_a_new_key_is_a_new_eoi_and_a_reused_key_for_another_body_is_refused(ambassador):
    client = token_client(ambassador)
    key = str(uuid.uuid4())
    assert client.post("/api/v1/eois/", capture(), format="json", HTTP_IDEMPOTENCY_KEY=key)
    other = capture(first_name="Bea", email="bea@example.com")
    clash = client.post("/api/v1/eois/", other, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert clash.status_code == 422
    fresh = client.post("/api/v1/eois/", other, format="json", HTTP_IDEMPOTENCY_KEY="k2")
    assert fresh.status_code == 201
    assert EOI.objects.count() == 2


def test_a_capture_at_an_event_zone_counts_for_that_campaign(ambassador):
    zone = ZoneFactory()
    response = token_client(ambassador).post("/api/v1/eois/", capture(zone=zone.pk), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["campaigns"] == [zone.campaign.name]


def test_bad_input_is_a_400_in_plain_words(ambassador):
    response = token_client(ambassador).post(
        "/api/v1/eois/", capture(email="", phone=""), format="json"
    )
    assert response.status_code == 400
    assert "phone" in response.json()


def test_an_ambassador_lists_only_the_eois_they_captured(ambassador, cast):
    mine = EOIFactory(captured_by=ambassador)
    EOIFactory(captured_by=cast["recruitment_officer"])
    client = token_client(ambassador)
    assert ids(client.get("/api/v1/eois/")) == {mine.pk}
    others = EOI.objects.exclude(pk=mine.pk).get()
    assert client.get(f"/api/v1/eois/{others.pk}/").status_code == 404
    assert client.get(f"/api/v1/eois/{mine.pk}/").status_code == 200


def test_recruitment_officers_and_positive_action_see_every_eoi(cast):
    everyone = {EOIFactory().pk for _ in range(3)}
    for role in ("recruitment_officer", "positive_action"):
        assert ids(token_client(cast[role]).get("/api/v1/eois/")) == everyone


def test_other_roles_and_departments_get_no_eois(cast, client_for):
    EOIFactory()
    for role in ("colleague", "manager", "student", "outsider", "benefits_analyst"):
        assert token_client(cast[role]).get("/api/v1/eois/").status_code == 403
    for role in ("welfare_officer", "people_analyst", "moderator"):
        assert client_for(cast[role]).get("/api/v1/eois/").status_code == 403
    assert token_client(cast["colleague"]).post("/api/v1/eois/", capture()).status_code == 403


def test_eoi_list_pages_by_cursor_in_few_queries(cast):
    campaign = CampaignFactory()
    for _ in range(5):
        EOIFactory(source__campaign=campaign)
    client = token_client(cast["recruitment_officer"])
    few = queries_for(client, "/api/v1/eois/")
    for _ in range(30):
        EOIFactory(source__campaign=campaign)
    assert queries_for(client, "/api/v1/eois/") == few
    body = client.get("/api/v1/eois/", {"page_size": 20}).json()
    assert len(body["results"]) == 20 and body["next"]


def test_campaigns_are_for_those_who_capture(cast, ambassador):
    ZoneFactory(name="Front door")
    body = token_client(ambassador).get("/api/v1/campaigns/").json()
    assert body["results"][0]["zones"][0]["name"] == "Front door"
    assert token_client(cast["colleague"]).get("/api/v1/campaigns/").status_code == 403


def test_intakes_are_for_those_who_see_the_intake_page(cast, ambassador):
    intake = IntakeFactory()
    body = token_client(cast["positive_action"]).get("/api/v1/intakes/").json()
    assert [row["id"] for row in body["results"]] == [intake.pk]
    assert token_client(ambassador).get("/api/v1/intakes/").status_code == 403
    assert token_client(cast["outsider"]).get("/api/v1/intakes/").status_code == 403


def test_anonymous_callers_are_refused(db):
    assert APIClient().get("/api/v1/eois/").status_code == 401
