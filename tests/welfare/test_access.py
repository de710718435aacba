"""Who may see a welfare case: the welfare team, everything; the line manager who raised it,
its status only; everyone else, nothing. Every read of a case is logged."""

import pytest
from django.urls import reverse

from core.audit import reads_of

CASE_PAGES = ["welfare:case-detail", "welfare:case-notes"]


@pytest.mark.parametrize("page", CASE_PAGES)
def test_the_welfare_team_reads_a_case_and_each_read_adds_one_access_row(
    client_for, welfare_officer, raised_case, page
):
    client = client_for(welfare_officer)
    url = reverse(page, args=[raised_case.pk])
    for expected in (1, 2):
        response = client.get(url)
        assert response.status_code == 200
        assert "private-sector job" in response.content.decode() or page.endswith("notes")
        reads = reads_of(raised_case)
        assert reads.count() == expected
        assert reads.first().actor == welfare_officer


def test_the_line_manager_who_raised_a_case_sees_its_status_but_404_on_notes(
    client_for, manager, raised_case
):
    client = client_for(manager)
    listing = client.get(reverse("welfare:concern-list"))
    page = listing.content.decode()
    assert listing.status_code == 200
    assert raised_case.officer.get_full_name() in page
    assert "Open: waiting for first contact" in page
    assert "private-sector job" not in page
    for name in CASE_PAGES:
        assert client.get(reverse(name, args=[raised_case.pk])).status_code == 404
    assert reads_of(raised_case).count() == 0


@pytest.mark.parametrize(
    "who", ["colleague", "outsider", "people_analyst", "ra_officer", "admin", "student"]
)
@pytest.mark.parametrize("page", CASE_PAGES)
def test_anyone_outside_the_welfare_team_gets_404_on_any_case(
    client_for, cast, raised_case, who, page
):
    response = client_for(cast[who]).get(reverse(page, args=[raised_case.pk]))
    assert response.status_code == 404
    assert reads_of(raised_case).count() == 0


@pytest.mark.parametrize(
    "name",
    ["welfare:contact-add", "welfare:case-close", "welfare:support-record", "welfare:case-assign"],
)
def test_writes_to_a_case_are_404_outside_the_team(client_for, manager, raised_case, name):
    response = client_for(manager).post(
        reverse(name, args=[raised_case.pk]), {"outcome": "retained", "closed_on": "2026-02-01"}
    )
    assert response.status_code == 404
    raised_case.refresh_from_db()
    assert raised_case.is_open


@pytest.mark.parametrize("page", [*CASE_PAGES, "welfare:case-list", "welfare:dashboard"])
def test_anonymous_visitors_are_sent_to_sign_in(client, page, raised_case):
    args = [raised_case.pk] if page in CASE_PAGES else []
    response = client.get(reverse(page, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
