"""Sign-in, sign-out and failed sign-in go to the audit log (Django's auth signals)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from core.audit import audit_action


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    audit_action(actor=user, action="auth.signed_in", obj=user)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit_action(actor=user, action="auth.signed_out", obj=user)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    model = get_user_model()
    user = model.objects.filter(staff_number=credentials.get("username", "")).first()
    if user is not None:
        audit_action(actor=None, action="auth.sign_in_failed", obj=user)
