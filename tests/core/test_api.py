"""The API platform: authentication, tokens, errors, idempotent creation, the docs page.

Test-only endpoints below (mounted with `pytest.mark.urls`) stand in for the apps' creates.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView

from core.api import IdempotentCreateMixin, allow_api_authentication, idempotency_parameter
from core.concurrency import save_versioned
from core.models import IdempotencyKey, Setting


class SettingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Setting
        fields = ["id", "key", "value", "description"]


@extend_schema(parameters=[idempotency_parameter()])
class SettingCreate(IdempotentCreateMixin, generics.CreateAPIView):
    serializer_class = SettingSerializer


class StaleSave(APIView):
    def post(self, request):
        setting = Setting.objects.get(key="sla")
        setting.value = 9
        save_versioned(setting, expected_version=1, fields=["value"])
        return Response({})


class RefusedByService(APIView):
    def post(self, request):
        raise ValidationError({"start_date": "The start date cannot be in the future."})


class SlowSettingCreate(IdempotentCreateMixin, generics.CreateAPIView):
    """Holds both racing requests until each has passed validation."""

    serializer_class = SettingSerializer
    barrier = None

    def perform_create(self, serializer):
        self.barrier.wait(timeout=10)
        super().perform_create(serializer)


urlpatterns = [
    path("api/v1/", include("config.api_urls", namespace="v1")),
    *allow_api_authentication(
        [
            path("test/settings/", SettingCreate.as_view()),
            path("test/stale/", StaleSave.as_view()),
            path("test/refused/", RefusedByService.as_view()),
            path("test/slow/", SlowSettingCreate.as_view()),
        ]
    ),
]
THIS = "tests.core.test_api"


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_it_refuses_anonymous_callers(client):
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "staff_number" not in response.content.decode()


def test_it_accepts_a_device_token(ambassador):
    response = token_client(ambassador).get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["staff_number"] == "ambassador"


def test_it_refuses_a_revoked_token(ambassador):
    client = token_client(ambassador)
    Token.objects.filter(user=ambassador).delete()  # what "delete" in Django admin does
    assert client.get("/api/v1/me/").status_code == 401


def test_it_refuses_a_token_for_someone_who_needs_two_step_sign_in(admin_user, welfare_officer):
    for user in (admin_user, welfare_officer):
        response = token_client(user).get("/api/v1/me/")
        assert response.status_code == 401
        assert "two-step sign-in" in response.json()["detail"]


def test_it_accepts_the_browser_session(client_for, welfare_officer):
    response = client_for(welfare_officer).get("/api/v1/me/")
    assert response.status_code == 200


def test_the_session_still_needs_the_second_factor(client, welfare_officer):
    client.force_login(welfare_officer)  # password only, no second factor yet
    response = client.get("/api/v1/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/mfa/")


def test_the_schema_is_for_signed_in_users(client, client_for, colleague):
    assert client.get("/api/v1/schema/").status_code == 401
    response = client_for(colleague).get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert "/api/v1/colleagues/" in response.json()["paths"]


def test_the_docs_page_loads_swagger_from_our_own_static_files(client, client_for, colleague):
    assert client.get("/api/v1/docs/").status_code == 302
    response = client_for(colleague).get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "/static/core/api_docs.js" in page
    assert "<script>" not in page and "https://" not in page


def test_an_admin_issues_a_token_and_sees_it_once(client_for, admin_user, ambassador):
    client = client_for(admin_user)
    response = client.post("/admin/authtoken/tokenproxy/add/", {"user": ambassador.pk}, follow=True)
    token = Token.objects.get(user=ambassador)
    assert token.key in response.content.decode()
    listing = client.get("/admin/authtoken/tokenproxy/").content.decode()
    assert token.key not in listing and token.key[:6] in listing


def test_admin_lists_device_tokens_and_idempotency_keys(client_for, admin_user, ambassador):
    Token.objects.create(user=ambassador)
    client = client_for(admin_user)
    tokens = client.get("/admin/authtoken/tokenproxy/", {"q": "amb"})
    assert tokens.status_code == 200
    assert "ambassador" in tokens.content.decode()
    assert client.get("/admin/core/idempotencykey/", {"q": "a"}).status_code == 200


@pytest.mark.urls(THIS)
def test_a_stale_edit_is_a_409_that_says_what_changed(ambassador):
    setting = Setting.objects.create(key="sla", value=2)
    Setting.objects.filter(pk=setting.pk).update(value=5, version=2)
    response = token_client(ambassador).post("/test/stale/", {}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["version"] == 2
    assert body["differences"] == [{"field": "value", "label": "Value", "theirs": 5, "yours": 9}]


@pytest.mark.urls(THIS)
def test_a_service_refusal_is_a_400_with_the_field_message(ambassador):
    response = token_client(ambassador).post("/test/refused/", {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"start_date": ["The start date cannot be in the future."]}


@pytest.mark.urls(THIS)
def test_the_same_post_with_the_same_key_creates_one_record(ambassador):
    client = token_client(ambassador)
    body = {"key": "first-contact-days", "value": 2}
    first = client.post("/test/settings/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    again = client.post("/test/settings/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Setting.objects.filter(key="first-contact-days").count() == 1
    assert IdempotencyKey.objects.filter(user=ambassador).count() == 1


@pytest.mark.urls(THIS)
def test_a_different_body_with_the_same_key_is_a_422(ambassador):
    client = token_client(ambassador)
    body = {"key": "a", "value": 1}
    client.post("/test/settings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    response = client.post(
        "/test/settings/", {"key": "b", "value": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert response.status_code == 422
    assert not Setting.objects.filter(key="b").exists()


@pytest.mark.urls(THIS)
def test_keys_belong_to_one_user(ambassador, colleague):
    body = {"key": "x", "value": 1}
    token_client(ambassador).post("/test/settings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    other = token_client(colleague).post(
        "/test/settings/", {"key": "y", "value": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert other.status_code == 201


@pytest.mark.urls(THIS)
def test_a_failed_create_is_not_remembered(ambassador):
    client = token_client(ambassador)
    bad = client.post("/test/settings/", {"key": "x"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert bad.status_code == 400
    fixed = client.post(
        "/test/settings/", {"key": "x", "value": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert fixed.status_code == 201


@pytest.mark.urls(THIS)
def test_without_a_key_each_post_creates(ambassador):
    client = token_client(ambassador)
    client.post("/test/settings/", {"key": "x", "value": 1}, format="json")
    second = client.post("/test/settings/", {"key": "x", "value": 1}, format="json")
    assert second.status_code == 400  # the key is unique: a second record was attempted


@pytest.mark.urls(THIS)
@pytest.mark.django_db(transaction=True)
def test_two_racing_posts_with_one_key_create_one_record(ambassador):
    import threading

    from django.db import connection

    SlowSettingCreate.barrier = threading.Barrier(2)
    token, _ = Token.objects.get_or_create(user=ambassador)
    answers = []

    def post():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        try:
            response = client.post(
                "/test/slow/", {"key": "race", "value": 1}, format="json", HTTP_IDEMPOTENCY_KEY="r"
            )
            answers.append((response.status_code, response.json()["id"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(answers) == 2
    assert answers[0] == answers[1] and answers[0][0] == 201
    assert Setting.objects.filter(key="race").count() == 1


def test_old_idempotency_keys_are_pruned(ambassador):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    old = IdempotencyKey.objects.create(
        user=ambassador, key="old", method="POST", path="/x/", request_hash="h", response_status=201
    )
    IdempotencyKey.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    IdempotencyKey.objects.create(
        user=ambassador, key="new", method="POST", path="/x/", request_hash="h", response_status=201
    )
    call_command("prune_idempotency_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]
