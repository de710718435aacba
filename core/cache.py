"""A Redis cache that behaves as an empty cache while Redis is away.

Peel caches only what it can recompute (admin settings, dashboard figures), so a cache that
cannot be reached must cost time, never a page: reads miss, writes are dropped, and a warning
is logged. Without this every page that touches the cache answers 500 during a Redis outage
(the Redis drill, tests/resilience/test_drill_redis_outage.py, found exactly that).
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
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
