"""Programme registers over the API: benefits analysts, people analysts and admins read them,
as on the register pages; anyone else gets empty lists."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.programmes.factories import BenefitFactory, FinancialLineFactory

LISTS = ("programmes", "projects", "financial-lines", "benefits")


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def count(response) -> int:
    assert response.status_code == 200, response.content
    return len(response.json()["results"])


@pytest.fixture
def registers(db):
    line = FinancialLineFactory(capital=1000)
    BenefitFactory(project=line.project)
    return line


def test_register_readers_see_every_register(registers, cast, client_for):
    client = token_client(cast["benefits_analyst"])
    for name in LISTS:
        assert count(client.get(f"/api/v1/{name}/")) == 1, name
    body = client.get("/api/v1/financial-lines/").json()["results"][0]
    assert body["capital"] == "1000.00" and body["financial_year"] == "FY22/23"
    analyst = client_for(cast["people_analyst"])
    assert all(count(analyst.get(f"/api/v1/{name}/")) == 1 for name in LISTS)


def test_other_roles_and_departments_see_no_register_rows(registers, cast, client_for):
    for role in ("outsider", "colleague", "manager", "recruitment_officer", "ambassador"):
        client = token_client(cast[role])
        assert all(count(client.get(f"/api/v1/{name}/")) == 0 for name in LISTS), role
    welfare = client_for(cast["welfare_officer"])
    assert all(count(welfare.get(f"/api/v1/{name}/")) == 0 for name in LISTS)
    line = registers
    assert (
        token_client(cast["outsider"]).get(f"/api/v1/financial-lines/{line.pk}/").status_code == 404
    )
