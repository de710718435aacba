"""Erasing an EOI when the person withdraws consent: the person goes, the counts stay."""

from collections import Counter

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from recruitment import services
from recruitment.models import ContactLog, EOIEquality, EOISource, ExpressionOfInterest
from tests.recruitment.factories import CampaignFactory, EOIFactory


def _figures():
    """EOIs by channel, by campaign and by day: what the recruitment figures count."""
    sources = EOISource.objects.values_list("channel", "campaign__name", "captured_on")
    return (
        Counter(channel for channel, _, _ in sources),
        Counter(campaign for _, campaign, _ in sources),
        Counter(day for _, _, day in sources),
        Counter(ExpressionOfInterest.objects.values_list("route", flat=True)),
    )


@pytest.fixture
def eois(recruitment_officer):
    campaign = CampaignFactory(name="Perry Barr stall")
    withdrawn = EOIFactory(
        first_name="Amira",
        last_name="Khan",
        email="amira@example.com",
        captured_by=recruitment_officer,
        source__channel="event",
        source__campaign=campaign,
    )
    EOIEquality.objects.create(eoi=withdrawn, sex="F", ethnicity="A_PAK")
    ContactLog.objects.create(
        eoi=withdrawn,
        officer=recruitment_officer,
        method="phone",
        note="Amira asked about childcare.",
        contacted_at="2026-03-03T10:00:00Z",
    )
    others = [EOIFactory(captured_by=recruitment_officer) for _ in range(3)]
    return withdrawn, others


def test_erasing_keeps_the_counts_and_removes_the_person(eois, recruitment_officer):
    withdrawn, others = eois
    before = _figures()
    services.eoi_erase(actor=recruitment_officer, eoi=withdrawn)
    assert _figures() == before

    erased = ExpressionOfInterest.objects.get(pk=withdrawn.pk)
    assert (erased.first_name, erased.phone) == ("Erased", "")
    assert "amira" not in erased.email and erased.postcode == "B42"
    assert erased.closed_reason == "withdrawn"
    assert not ContactLog.objects.filter(eoi=erased).exists()
    assert not EOIEquality.objects.filter(eoi=erased).exists()
    for eoi in others:
        assert ExpressionOfInterest.objects.get(pk=eoi.pk).email == eoi.email
    entry = LogEntry.objects.get(additional_data__action="recruitment.eoi.erased")
    assert "Amira" not in str(entry.additional_data)


def test_the_button_is_for_recruitment_officers(eois, client_for, cast):
    withdrawn, _ = eois
    url = reverse("recruitment:eoi-erase", args=[withdrawn.pk])
    page = client_for(cast["recruitment_officer"]).get(
        reverse("recruitment:eoi", args=[withdrawn.pk])
    )
    assert url.encode() in page.content
    for role, status in [("ambassador", 404), ("positive_action", 403), ("outsider", 403)]:
        assert client_for(cast[role]).post(url).status_code == status, role
    assert ExpressionOfInterest.objects.get(pk=withdrawn.pk).first_name == "Amira"

    response = client_for(cast["recruitment_officer"]).post(url)
    assert response.status_code == 302
    assert ExpressionOfInterest.objects.get(pk=withdrawn.pk).first_name == "Erased"
    again = client_for(cast["recruitment_officer"]).post(url, follow=True)
    assert b"already been erased" in again.content
