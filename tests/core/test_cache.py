from core.cache import TolerantRedisCache


def test_a_cache_whose_redis_is_away_misses_instead_of_failing():
    cache = TolerantRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 1}})
    assert cache.get("figure", "recomputed") == "recomputed"
    cache.set("figure", 42)
    assert cache.add("figure", 42) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("figure") is False
    cache.delete("figure")


def test_it_still_caches_when_redis_answers(settings):
    cache = TolerantRedisCache(settings.REDIS_URL, {})
    cache.set("peel-cache-test", 7, 30)
    assert cache.get("peel-cache-test") == 7
    cache.delete("peel-cache-test")
