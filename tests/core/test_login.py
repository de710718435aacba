import time

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


def test_a_demo_user_signs_in_and_reaches_their_home(client, colleague):
    response = client.post(reverse("login"), {"username": "colleague", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_password_says_so_next_to_the_form(client, colleague):
    response = client.post(reverse("login"), {"username": "colleague", "password": "nope"})
    assert response.status_code == 200
    assert "Check your staff number and password" in response.content.decode()


def test_five_failures_lock_the_account_for_that_address(client, colleague):
    for _ in range(5):
        client.post(reverse("login"), {"username": "colleague", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "colleague", "password": PASSWORD})
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()


def test_an_idle_session_ends(client, colleague, settings):
    client.force_login(colleague)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session["peel_last_seen"] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", ["/accounts/login/", "/people/me/"])
def test_pages_carry_the_security_headers(client, colleague, url):
    client.force_login(colleague)
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe" not in script_src
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
