"""Health endpoints for a load balancer: /healthz (process up) and /readyz (can serve)."""

import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

HEARTBEAT_KEY = "peel:beat-heartbeat"


@login_not_required
@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2).ping()
    return "ok"


def _beat() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    beat = cache.get(HEARTBEAT_KEY)
    if beat is None or time.time() - beat > settings.PEEL_BEAT_MAX_AGE:
        raise RuntimeError("no recent beat heartbeat")
    return "ok"


@login_not_required
@never_cache
def readyz(request):
    """200 when the database, Redis and the scheduler (a recent beat heartbeat) all answer."""
    checks, ready = {}, True
    for name, check in (("database", _database), ("redis", _redis), ("beat", _beat)):
        try:
            checks[name] = check()
        except Exception as error:  # any failure at all means "not ready"
            checks[name] = f"failing: {error.__class__.__name__}"
            ready = False
    return JsonResponse({"ready": ready, "checks": checks}, status=200 if ready else 503)
