"""Ratings over the API, scoped as the pages: a line manager their reports'; a moderator their
panel's department, less their own; a colleague their own once final, and only the final."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from performance.models import RatingStatus
from tests.performance.factories import level, make_panel, make_rating


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def finalise(rating):
    rating.status = RatingStatus.FINAL
    rating.final_what = level(rating.year, "achieved")
    rating.final_how = level(rating.year, "achieved")
    rating.finalised_on = rating.provisional_on
    rating.save()
    return rating


def test_a_line_manager_sees_their_reports_ratings(year, cast):
    mine = {make_rating(cast[n], year).pk for n in ("colleague", "student")}
    make_rating(cast["outsider"], year)
    assert ids(token_client(cast["manager"]).get("/api/v1/ratings/")) == mine


def test_a_moderator_sees_their_panels_department_less_their_own(panel, year, cast, client_for):
    in_department = {make_rating(cast[n], year).pk for n in ("colleague", "student", "manager")}
    make_rating(cast["moderator"], year)
    make_rating(cast["outsider"], year)
    assert ids(client_for(cast["moderator"]).get("/api/v1/ratings/")) == in_department


def test_a_colleague_sees_only_their_own_final_rating(year, cast):
    rating = make_rating(cast["colleague"], year)
    client = token_client(cast["colleague"])
    assert ids(client.get("/api/v1/ratings/")) == set()
    finalise(rating)
    body = client.get(f"/api/v1/ratings/{rating.pk}/").json()
    assert body["final_what"] and body["provisional_what"] is None


def test_other_roles_and_departments_see_no_ratings(year, cast, client_for):
    make_panel(year, cast["outsider"].department, [])
    for name in ("colleague", "student", "manager"):
        make_rating(cast[name], year)
    for role in ("outsider", "ambassador", "recruitment_officer", "benefits_analyst"):
        assert ids(token_client(cast[role]).get("/api/v1/ratings/")) == set()
    for role in ("welfare_officer", "people_analyst", "ra_officer"):
        assert ids(client_for(cast[role]).get("/api/v1/ratings/")) == set()
