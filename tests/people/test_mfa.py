import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


def _sign_in(user):
    client = Client()
    response = client.post(reverse("login"), {"username": user.staff_number, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


@pytest.mark.parametrize(
    "role", ["welfare_officer", "ra_officer", "moderator", "people_analyst", "admin"]
)
def test_privileged_roles_must_set_up_two_step_sign_in(cast, role):
    client = _sign_in(cast[role])
    response = client.get("/people/me/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/mfa/")
    assert client.get(response["Location"])["Location"].startswith("/accounts/mfa/setup/")


def test_a_colleague_is_not_asked_for_a_second_step(colleague):
    assert _sign_in(colleague).get("/people/me/").status_code == 200


def test_enrolment_then_backup_code_then_admin(admin_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code otherwise pauses the next try
    client = _sign_in(admin_user)
    page = client.get(reverse("mfa-setup"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
    wrong = client.post(reverse("mfa-setup"), {"token": "000000"})
    assert "did not match" in wrong.content.decode()
    done = client.post(reverse("mfa-setup"), {"token": _code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200

    later = _sign_in(admin_user)
    assert later.get("/admin/")["Location"].startswith("/accounts/mfa/")
    assert (
        later.post(reverse("mfa-verify"), {"token": codes[0], "next": "/admin/"})["Location"]
        == "/admin/"
    )
    again = _sign_in(admin_user)
    reused = again.post(reverse("mfa-verify"), {"token": codes[0]})
    assert reused.status_code == 200 and "did not work" in reused.content.decode()


def test_sign_in_sign_out_and_failures_are_audited(colleague):
    client = Client()
    client.post(reverse("login"), {"username": "colleague", "password": "wrong"})
    client.post(reverse("login"), {"username": "colleague", "password": PASSWORD})
    client.post(reverse("logout"))
    actions = list(
        LogEntry.objects.filter(object_pk=str(colleague.pk))
        .order_by("id")
        .values_list("additional_data__action", flat=True)
    )
    assert actions[-3:] == ["auth.sign_in_failed", "auth.signed_in", "auth.signed_out"]


def test_disabling_a_user_ends_their_sessions(colleague):
    client = _sign_in(colleague)
    assert client.get("/people/me/").status_code == 200
    colleague.is_active = False
    colleague.save()
    assert client.get("/people/me/").status_code == 302
