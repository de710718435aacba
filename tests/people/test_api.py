"""People endpoints show what the pages show: yourself; your team if you manage one;
everyone for admins. Never equality information."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from people import services
from people.models import EqualityMonitoring
from tests.factories import UserFactory
from tests.utils import queries_for

FORBIDDEN_FIELDS = {"sex", "ethnicity", "disability", "sexual_orientation", "religion", "equality"}


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def staff_numbers(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["staff_number"] for row in response.json()["results"]}


def test_me_is_your_own_details_without_equality(colleague, manager):
    EqualityMonitoring.objects.create(person=colleague, ethnicity="A1", sex="F")
    body = token_client(colleague).get("/api/v1/me/").json()
    assert body["staff_number"] == "colleague"
    assert body["line_manager"] == "manager"
    assert body["department"] == "Birmingham West NPU"
    assert not FORBIDDEN_FIELDS & set(body)


def test_a_line_manager_sees_their_team_and_themselves(cast):
    response = token_client(cast["manager"]).get("/api/v1/colleagues/")
    assert staff_numbers(response) == {"manager", "colleague", "student"}


def test_a_colleague_sees_only_themselves(cast):
    for name in ("colleague", "outsider", "ambassador", "recruitment_officer"):
        user = cast[name]
        assert staff_numbers(token_client(user).get("/api/v1/colleagues/")) == {user.staff_number}


def test_an_admin_sees_everyone(cast, client_for):
    response = client_for(cast["admin"]).get("/api/v1/colleagues/", {"page_size": 200})
    assert staff_numbers(response) == {u.staff_number for u in cast.values()}


def test_other_roles_on_the_session_see_only_themselves(cast, client_for):
    for name in ("welfare_officer", "people_analyst", "moderator", "ra_officer"):
        user = cast[name]
        response = client_for(user).get("/api/v1/colleagues/")
        assert staff_numbers(response) == {user.staff_number}


def test_a_colleague_out_of_scope_is_not_found(cast):
    client = token_client(cast["manager"])
    assert client.get("/api/v1/colleagues/colleague/").status_code == 200
    assert client.get("/api/v1/colleagues/outsider/").status_code == 404
    assert token_client(cast["outsider"]).get("/api/v1/colleagues/manager/").status_code == 404


def test_a_former_report_drops_off_the_list(cast):
    services.person_change(
        actor=None,
        person=cast["colleague"],
        effective=cast["colleague"].start_date,
        line_manager=cast["outsider"],
    )
    response = token_client(cast["manager"]).get("/api/v1/colleagues/")
    assert staff_numbers(response) == {"manager", "student"}


def test_the_list_pages_by_cursor(manager):
    for _ in range(5):
        UserFactory(line_manager=manager)
    client = token_client(manager)
    first = client.get("/api/v1/colleagues/", {"page_size": 4}).json()
    assert len(first["results"]) == 4 and first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None
    seen = [r["staff_number"] for r in first["results"] + second["results"]]
    assert len(set(seen)) == 6


def test_no_colleague_row_carries_equality_information(cast, client_for):
    response = client_for(cast["admin"]).get("/api/v1/colleagues/")
    for row in response.json()["results"]:
        assert not FORBIDDEN_FIELDS & set(row)


def test_the_list_costs_the_same_at_few_and_many_rows(client_for, manager):
    client = client_for(manager)
    UserFactory.create_batch(2, line_manager=manager)
    few = queries_for(client, "/api/v1/colleagues/")
    UserFactory.create_batch(40, line_manager=manager)
    many = queries_for(client, "/api/v1/colleagues/")
    assert few == many <= 6


def test_pages_of_one_surname_follow_on_by_keyset_not_offset(manager):
    """The cursor holds every ordering value: ten colleagues called Smith page through without
    an OFFSET, each exactly once, and forwards then back returns the same page."""
    for first_name in ["Ann", "Ann", "Bob", "Bob", "Cat", "Cat", "Dan", "Eve", "Fay", "Gus"]:
        UserFactory(line_manager=manager, last_name="Smith", first_name=first_name)
    client = token_client(manager)
    seen, url, pages = [], "/api/v1/colleagues/", []
    while url:
        with CaptureQueriesContext(connection) as ctx:
            body = client.get(url, {"page_size": 3} if not pages else None).json()
        assert not any("OFFSET" in q["sql"] for q in ctx.captured_queries)
        pages.append(body)
        seen += [row["staff_number"] for row in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 11  # the ten and their manager
    assert all("page_size=3" in page["next"] for page in pages[:-1])
    back = client.get(pages[2]["previous"]).json()
    assert back["results"] == pages[1]["results"]


def test_a_tampered_cursor_is_not_found(manager):
    response = token_client(manager).get("/api/v1/colleagues/", {"cursor": "not-a-cursor"})
    assert response.status_code == 404
    assert response.json()["detail"] == "Invalid cursor"
