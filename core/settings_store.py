"""Admin-editable figures with code defaults: `get_setting("welfare-first-contact-days", 2)`."""

import contextlib
import logging
from typing import Any

from django.core.cache import cache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

CACHE_PREFIX = "peel-setting:"
CACHE_SECONDS = 60


def get_setting(key: str, default: Any) -> Any:
    """Return the admin's value for `key`, or `default` when none is stored. Cached a minute."""
    from core.models import Setting

    try:
        cached = cache.get(CACHE_PREFIX + key)
    except RedisError:  # Redis away: read the database, so pages keep working
        log.warning("Cache unreachable; reading setting %s from the database", key)
        cached = None
    if cached is not None:
        return cached["v"]
    row = Setting.objects.filter(key=key).values_list("value", flat=True).first()
    value = default if row is None else row
    with contextlib.suppress(RedisError):
        cache.set(CACHE_PREFIX + key, {"v": value}, CACHE_SECONDS)
    return value


def forget_setting(key: str) -> None:
    cache.delete(CACHE_PREFIX + key)
