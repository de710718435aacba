"""Admin-editable figures with code defaults: `get_setting("welfare-first-contact-days", 2)`."""

from typing import Any

from django.core.cache import cache

CACHE_PREFIX = "peel-setting:"
CACHE_SECONDS = 60


def get_setting(key: str, default: Any) -> Any:
    """Return the admin's value for `key`, or `default` when none is stored. Cached a minute."""
    from core.models import Setting

    cached = cache.get(CACHE_PREFIX + key)
    if cached is not None:
        return cached["v"]
    row = Setting.objects.filter(key=key).values_list("value", flat=True).first()
    value = default if row is None else row
    cache.set(CACHE_PREFIX + key, {"v": value}, CACHE_SECONDS)
    return value


def forget_setting(key: str) -> None:
    cache.delete(CACHE_PREFIX + key)
