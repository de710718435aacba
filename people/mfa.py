"""Two-step sign-in (TOTP with backup codes) for the roles that see the most sensitive data."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from people.permissions import has_role
from people.roles import Role

MFA_ROLES = (Role.ADMIN, Role.WELFARE_OFFICER, Role.RA_OFFICER, Role.MODERATOR, Role.PEOPLE_ANALYST)
OPEN_PATHS = ("/accounts/", "/static/", "/healthz", "/readyz")


def mfa_required(user) -> bool:
    """Admins, welfare officers, RA officers, moderators, people analysts and anyone who may
    use Django admin must verify a second factor."""
    return (
        settings.PEEL_MFA_ENFORCED
        and bool(getattr(user, "is_authenticated", False))
        and (user.is_staff or user.is_superuser or has_role(user, *MFA_ROLES))
    )


class MFARequiredMiddleware:
    """Send a signed-in user who needs a second factor to verify (or enrol) before anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            mfa_required(user)
            and not user.is_verified()
            and not request.path.startswith(OPEN_PATHS)
        ):
            return redirect(reverse("mfa-verify") + "?" + urlencode({"next": request.path}))
        return self.get_response(request)
