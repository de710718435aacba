"""Helpers every app's tests share."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str, **params) -> int:
    """Queries one GET of `url` costs once the session is warm (the first request of a
    session writes it; later ones do not)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


def build_queries_for(client, url: str, **params) -> int:
    """queries_for with no cached figures (core.cache.cached_figures always builds): what a
    dashboard costs when its figures are counted, not when they come from the cache."""
    from unittest.mock import patch

    from django.core.cache.backends.dummy import DummyCache

    with patch("core.cache.cache", DummyCache("no-figures", {})):
        return queries_for(client, url, **params)
