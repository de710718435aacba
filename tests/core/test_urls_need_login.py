"""Walk every URL pattern as an anonymous visitor: nothing but the login page (and static
files) may answer 200."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"/accounts/login/", "/admin/login/", "/healthz", "/readyz"}
SAMPLE = {
    "int": "1",
    "str": "x1",
    "slug": "x-1",
    "uuid": "00000000-0000-0000-0000-000000000001",
    "path": "x/1",
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _url(route: str) -> str | None:
    import re

    if route.startswith("^") or "(?P" in route:
        # admin regexes: fill named groups with a sample value
        route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route).lstrip("^").rstrip("$")
        route = route.replace("\\", "")
    for converter, value in SAMPLE.items():
        route = re.sub(r"<" + converter + r":\w+>", value, route)
    route = re.sub(r"<\w+>", "x1", route)
    return "/" + route


@pytest.mark.django_db
def test_no_page_answers_an_anonymous_visitor(client):
    urls = sorted({_url(route) for route in _walk(get_resolver().url_patterns)})
    assert len(urls) > 20
    opened = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            opened.append(url)
    assert set(opened) <= PUBLIC, f"open to anonymous visitors: {sorted(set(opened) - PUBLIC)}"


@pytest.mark.django_db
def test_a_page_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/people/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
