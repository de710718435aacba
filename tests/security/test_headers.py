"""The response headers a browser sees on the login page and on a record page, and the
production settings that add HSTS and secure cookies."""

import importlib
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from welfare import services as welfare_services

SCRIPT_UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*")


def _directives(csp: str) -> dict[str, list[str]]:
    parts = (d.strip().split() for d in csp.split(";") if d.strip())
    return {name: values for name, *values in parts}


def _assert_headers(response):
    csp = _directives(response["Content-Security-Policy"])
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts == ["'self'"], scripts
    assert not set(scripts) & set(SCRIPT_UNSAFE)
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]


@pytest.fixture
def welfare_case(cast):
    from people import services as people_services

    student = cast["student"]
    people_services.probation_start(
        actor=None, officer=student, route=student.entry_route, start_date=student.start_date
    )
    return welfare_services.welfare_case_open(
        actor=cast["welfare_officer"],
        officer=student,
        how_opened="welfare_team",
        notified_on=student.start_date,
        concern="Missed shifts.",
        assigned_to=cast["welfare_officer"],
    )


@pytest.mark.django_db
def test_the_login_page_sends_every_security_header(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    _assert_headers(response)


def test_a_record_page_sends_every_security_header(client_for, welfare_case, welfare_officer):
    url = reverse("welfare:case-detail", args=[welfare_case.pk])
    response = client_for(welfare_officer).get(url)
    assert response.status_code == 200
    _assert_headers(response)
    assert b"<script>" not in response.content, "inline script: move it to a static file"


def test_over_https_the_record_page_sends_hsts(client_for, welfare_case, welfare_officer, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    url = reverse("welfare:case-detail", args=[welfare_case.pk])
    response = client_for(welfare_officer).get(url, secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_turn_on_hsts_and_secure_cookies(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "peel.example.police.uk")
    production = importlib.import_module("config.settings.production")
    production = importlib.reload(production)
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS and production.SECURE_SSL_REDIRECT
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_NAME.startswith("__Host-")
    assert production.X_FRAME_OPTIONS == "DENY" and not production.DEBUG
    assert "'unsafe-inline'" not in production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]


def test_the_deployment_check_passes_with_production_settings():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 60 + "-a-long-random-production-like-key",
        "DJANGO_ALLOWED_HOSTS": "peel.example.police.uk",
        "PATH": "/usr/bin:/bin",
    }
    env |= {k: v for k, v in os.environ.items() if k in ("DATABASE_URL", "REDIS_URL", "HOME")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
