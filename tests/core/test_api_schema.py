"""schemathesis against the generated OpenAPI schema, once for each role of the cast.

The app is called in-process through WSGI. Colleagues who may use a device token call with
one; the roles that need two-step sign-in use a verified browser session instead, as they must.
Every operation gets a bounded number of generated requests: none may cause a server error or
answer with a body that breaks the schema.
"""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from people.mfa import mfa_required
from tests.conftest import verify_second_factor

EXAMPLES_PER_OPERATION = 6
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
ROLES = [
    "admin",
    "recruitment_officer",
    "ambassador",
    "positive_action",
    "welfare_officer",
    "ra_officer",
    "dyslexia_assessor",
    "moderator",
    "benefits_analyst",
    "people_analyst",
    "manager",
    "colleague",
    "student",
    "outsider",
]


# Every list endpoint (each also has /{id}/ or /{staff_number}/): the fuzzing must reach them.
ENDPOINTS = {
    "/api/v1/me/",
    *(
        f"/api/v1/{name}/"
        for name in (
            "colleagues",
            "eois",
            "campaigns",
            "intakes",
            "welfare-cases",
            "passports",
            "ratings",
            "programmes",
            "projects",
            "financial-lines",
            "benefits",
            "report-runs",
        )
    ),
}


def credentials(user) -> dict:
    """How `user` signs in: a device token, or a session past two-step sign-in."""
    if not mfa_required(user):
        token, _ = Token.objects.get_or_create(user=user)
        return {"headers": {"Authorization": f"Token {token.key}"}}
    client = Client()
    client.force_login(user)
    verify_second_factor(client, user)
    return {"cookies": {"sessionid": client.cookies["sessionid"].value}}


def load_schema(auth: dict):
    if "headers" in auth:
        extra = {"HTTP_AUTHORIZATION": auth["headers"]["Authorization"]}
    else:
        extra = {"HTTP_COOKIE": f"sessionid={auth['cookies']['sessionid']}"}
    raw = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/json", **extra)
    assert raw.status_code == 200, raw.content[:200]
    schema = schemathesis.openapi.from_dict(raw.json())
    schema.app = get_wsgi_application()
    return schema


@contextmanager
def the_test_transaction_kept():
    """Django closes the database connection after each WSGI request; inside a test that
    would lose the test's transaction (Django's own test client does the same as this)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def fuzz(operation, auth: dict) -> int:
    calls = []

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call(**auth)
        case.validate_response(response, checks=CHECKS)
        calls.append(response.status_code)

    with the_test_transaction_kept():
        run()
    return len(calls)


@pytest.mark.parametrize("role", ROLES)
def test_no_request_breaks_the_api_for(role, cast):
    auth = credentials(cast[role])
    schema = load_schema(auth)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= ENDPOINTS
    for operation in operations:
        assert fuzz(operation, auth) >= 1, operation.label
