"""A Redis cache that behaves as an empty cache while Redis is away.

Peel caches only what it can recompute (admin settings, dashboard figures), so a cache that
cannot be reached must cost time, never a page: reads miss, writes are dropped, and a warning
is logged. Without this every page that touches the cache answers 500 during a Redis outage
(the Redis drill, tests/resilience/test_drill_redis_outage.py, found exactly that).

`cached_figures` is the one way a dashboard caches its figures (docs/PERFORMANCE.md, "Caching
and estimated counts").
"""

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)
AWAY = (RedisConnectionError, RedisTimeoutError, OSError)


def _tolerant(name: str, fallback):
    method = getattr(RedisCacheClient, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except AWAY as error:
            log.warning("Cache unavailable (%s): %s skipped", error.__class__.__name__, name)
            return fallback(*args) if callable(fallback) else fallback

    call.__name__ = name
    return call


class TolerantRedisCacheClient(RedisCacheClient):
    add = _tolerant("add", False)
    get = _tolerant("get", lambda key, default: default)
    set = _tolerant("set", None)
    touch = _tolerant("touch", False)
    delete = _tolerant("delete", False)
    get_many = _tolerant("get_many", lambda *_: {})
    has_key = _tolerant("has_key", False)
    set_many = _tolerant("set_many", lambda *_: [])
    delete_many = _tolerant("delete_many", None)
    clear = _tolerant("clear", False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient


# Dashboard figures ---------------------------------------------------------------------------

FIGURES_SECONDS = 300
FORCE_WIDE = "force-wide"


@dataclass(frozen=True)
class Figures:
    """Figures as built by a dashboard's selectors, and when they were built."""

    value: Any
    as_at: datetime


def viewer_scope(user) -> str:
    """The scope of figures that depend on who asks (a manager's team, a moderator's panels)."""
    return f"user:{user.pk}"


def figures_key(key_parts: Sequence, *, scope: str) -> str:
    """The cache key: the dashboard, everything that filters its figures, whose they are, and
    the disclosure threshold in force (a changed threshold must not show old suppression)."""
    from core.disclosure import threshold_setting

    if not scope:
        raise ValueError("Cached figures need a scope: FORCE_WIDE or viewer_scope(user).")
    parts = (*key_parts, scope, f"threshold={threshold_setting()}")
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    return f"figures:{key_parts[0]}:{digest}"


def cached_figures(
    key_parts: Sequence, builder: Callable[[], Any], *, scope: str, timeout: int = FIGURES_SECONDS
) -> Figures:
    """The figures `builder` returns, from the cache when built in the last `timeout` seconds.

    Only for aggregates that may be a few minutes old and are already under disclosure control
    (or are suppressed when shown): never rows about an individual. `key_parts` starts with the
    dashboard's name and holds every filter as plain values (dates, numbers, strings, pks);
    `scope` is FORCE_WIDE when everyone allowed on the page sees the same figures, else
    viewer_scope(user). The page shows "Figures as at" `.as_at`.
    """
    key = figures_key(key_parts, scope=scope)
    found = cache.get(key)
    if found is None:
        found = Figures(value=builder(), as_at=timezone.now())
        cache.set(key, found, timeout)
    return found
