"""Every recruitment page: who gets in, who is forbidden (403), what is out of scope (404)."""

import pytest
from django.urls import reverse

from recruitment.demo import seed as recruitment_seed
from recruitment.models import Campaign, EOISource, ExpressionOfInterest, Zone
from tests.recruitment.factories import CandidateFactory, EOIFactory, IntakeFactory


@pytest.mark.parametrize(
    "url, allowed, forbidden",
    [
        (
            "recruitment:quick",
            ["ambassador", "positive_action", "recruitment_officer"],
            ["manager"],
        ),
        (
            "recruitment:eoi-create",
            ["recruitment_officer", "admin"],
            ["ambassador", "positive_action"],
        ),
        ("recruitment:eoi-overdue", ["recruitment_officer"], ["colleague", "welfare_officer"]),
        ("recruitment:candidate-list", ["recruitment_officer", "positive_action"], ["ambassador"]),
        ("recruitment:intake-list", ["recruitment_officer", "positive_action"], ["ambassador"]),
        (
            "recruitment:tie-break-create",
            ["recruitment_officer", "positive_action"],
            ["ambassador"],
        ),
    ],
)
def test_each_page_admits_its_roles_only(cast, client_for, url, allowed, forbidden):
    IntakeFactory()
    for role in allowed:
        assert client_for(cast[role]).get(reverse(url)).status_code == 200, role
    for role in forbidden:
        assert client_for(cast[role]).get(reverse(url)).status_code == 403, role


def test_an_ambassador_gets_404_for_pages_about_eois_they_did_not_capture(
    client_for, ambassador, recruitment_officer
):
    theirs = EOIFactory(captured_by=recruitment_officer)
    client = client_for(ambassador)
    for name in (
        "recruitment:eoi",
        "recruitment:eoi-work",
        "recruitment:eoi-contact",
        "recruitment:eoi-merge",
        "recruitment:eoi-apply",
        "recruitment:support-create",
    ):
        response = client.post(reverse(name, args=[theirs.pk]), {})
        assert response.status_code == 404, name


def test_a_missing_candidate_is_404_and_an_unknown_offer_kind_too(client_for, recruitment_officer):
    client = client_for(recruitment_officer)
    assert client.get(reverse("recruitment:candidate", args=[999999])).status_code == 404
    candidate = CandidateFactory()
    url = reverse("recruitment:candidate-offer", args=[candidate.pk, "instant"])
    assert client.post(url).status_code == 404


def test_the_positive_action_coordinator_reads_an_eoi_but_cannot_work_it(
    client_for, positive_action
):
    eoi = EOIFactory()
    client = client_for(positive_action)
    page = client.get(reverse("recruitment:eoi", args=[eoi.pk]))
    assert page.status_code == 200 and "Record positive action support" in page.content.decode()
    assert "Work this EOI" not in page.content.decode()
    work = client.post(reverse("recruitment:eoi-work", args=[eoi.pk]), {"status": "closed"})
    assert work.status_code == 403


def test_the_demo_year_loads_twice_without_duplicates(cast):
    recruitment_seed()
    counts = (ExpressionOfInterest.objects.count(), EOISource.objects.count())
    recruitment_seed()
    assert (ExpressionOfInterest.objects.count(), EOISource.objects.count()) == counts
    assert counts[0] > 2000
    event = Campaign.objects.get(name="Op Inscription")
    assert (event.ends_on - event.starts_on).days + 1 == 6
    assert set(Zone.objects.filter(campaign=event).values_list("kind", flat=True)) == {
        "recruitment",
        "engagement",
    }
    assert ExpressionOfInterest.objects.filter(merged_into__isnull=False).exists()
