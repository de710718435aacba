"""Enrolment and verification of second factors (django-otp TOTP and static backup codes)."""

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.audit import audit_action

BACKUP_CODES = 10


def totp_pending_device(*, user) -> TOTPDevice:
    """The authenticator being set up (unconfirmed), created once and reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirmed_devices(*, user) -> list:
    return [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]


@transaction.atomic
def backup_codes_issue(*, user) -> list[str]:
    """Replace the user's backup codes with ten new single-use ones; return them once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Backup codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    audit_action(actor=user, action="people.mfa.backup_codes_issued", obj=user)
    return codes


@transaction.atomic
def totp_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    """Confirm a new authenticator with its first code. Returns False for a wrong code."""
    if not device.verify_token(token.strip().replace(" ", "")):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    audit_action(actor=user, action="people.mfa.enrolled", obj=user)
    return True


def token_match(*, user, token: str):
    """The confirmed device that accepts `token` (authenticator code or backup code), or None."""
    token = token.strip().replace(" ", "")
    for device in confirmed_devices(user=user):
        if device.verify_token(token):
            return device
    return None
