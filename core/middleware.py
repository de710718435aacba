import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout


class SessionTimeoutMiddleware:
    """End a session after SESSION_IDLE_TIMEOUT seconds idle or SESSION_COOKIE_AGE in all.

    The last-seen time is written at most once a minute so that browsing does not write the
    session row on every request.
    """

    SEEN = "peel_last_seen"
    STARTED = "peel_started"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        now = int(time.time())
        session = request.session
        started = session.setdefault(self.STARTED, now)
        last_seen = session.get(self.SEEN, now)
        idle = now - last_seen > settings.SESSION_IDLE_TIMEOUT
        if idle or now - started > settings.SESSION_COOKIE_AGE:
            logout(request)
            messages.info(request, "You were signed out to keep the records safe. Sign in again.")
        elif now - last_seen >= 60 or self.SEEN not in session:
            session[self.SEEN] = now


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header: Peel needs no camera, microphone or location."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
