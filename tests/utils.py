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
