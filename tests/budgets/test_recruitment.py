from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from recruitment.models import ContactLog, ExpressionOfInterest, StageResult
from tests.recruitment.factories import (
    CampaignFactory,
    CandidateFactory,
    EOIFactory,
    IntakeFactory,
    StageFactory,
    ZoneFactory,
)


def test_eoi_list(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    flat(
        client_for(officer),
        reverse("recruitment:eoi-list"),
        lambda n: EOIFactory.create_batch(n, captured_by=officer),
    )


def test_overdue_eois(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    flat(
        client_for(officer),
        reverse("recruitment:eoi-overdue"),
        lambda n: EOIFactory.create_batch(
            n,
            captured_by=officer,
            status=ExpressionOfInterest.Status.CONTACTED,
            next_action="Call",
            next_action_on=date.today() - timedelta(days=3),
        ),
    )


def test_an_eoi_with_many_contacts_and_duplicates(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    eoi = EOIFactory(captured_by=officer, email="same@example.com")

    def make(n):
        EOIFactory.create_batch(n, captured_by=officer, email="same@example.com")
        ContactLog.objects.bulk_create(
            ContactLog(
                eoi=eoi, officer=officer, contacted_at=timezone.now(), method="phone", note="Spoke"
            )
            for _ in range(n)
        )

    flat(client_for(officer), reverse("recruitment:eoi", args=[eoi.pk]), make)


def test_candidate_list(cast, client_for, flat):
    flat(
        client_for(cast["recruitment_officer"]),
        reverse("recruitment:candidate-list"),
        lambda n: CandidateFactory.create_batch(n),
    )


def test_a_candidate_with_many_results(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    candidate = CandidateFactory()

    def make(n):
        for _ in range(n):
            StageResult.objects.create(
                candidate=candidate,
                stage=StageFactory(),
                result="pass",
                score=50,
                recorded_by=officer,
                recorded_on=date.today(),
            )

    flat(client_for(officer), reverse("recruitment:candidate", args=[candidate.pk]), make)


def test_intake_list(cast, client_for, flat):
    flat(
        client_for(cast["recruitment_officer"]),
        reverse("recruitment:intake-list"),
        lambda n: [
            IntakeFactory(
                start_date=date(2030, 1, 1)
                + timedelta(days=7 * IntakeFactory._meta.model.objects.count())
            )
            for _ in range(n)
        ],
    )


def _intakes(n):
    return [
        IntakeFactory(
            start_date=date(2030, 1, 1)
            + timedelta(days=7 * IntakeFactory._meta.model.objects.count())
        )
        for _ in range(n)
    ]


def test_api_eois(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    flat(
        client_for(officer),
        reverse("v1:eoi-list"),
        lambda n: EOIFactory.create_batch(n, captured_by=officer),
    )


def test_api_an_eoi(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    eoi = EOIFactory(captured_by=officer)
    flat(
        client_for(officer),
        reverse("v1:eoi-detail", args=[eoi.pk]),
        lambda n: EOIFactory.create_batch(n, captured_by=officer),
    )


def test_api_an_eoi_to_work(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    eoi = EOIFactory(captured_by=officer)
    flat(
        client_for(officer),
        reverse("v1:eoi-work", args=[eoi.pk]),
        lambda n: EOIFactory.create_batch(n, captured_by=officer),
    )


def test_api_campaigns_with_their_zones(cast, client_for, flat):
    flat(
        client_for(cast["recruitment_officer"]),
        reverse("v1:campaign-list"),
        lambda n: [ZoneFactory(campaign=CampaignFactory()) for _ in range(n)],
    )


def test_api_a_campaign_with_many_zones(cast, client_for, flat):
    campaign = CampaignFactory()
    flat(
        client_for(cast["recruitment_officer"]),
        reverse("v1:campaign-detail", args=[campaign.pk]),
        lambda n: ZoneFactory.create_batch(n, campaign=campaign),
    )


def test_api_intakes(cast, client_for, flat):
    flat(client_for(cast["recruitment_officer"]), reverse("v1:intake-list"), _intakes)


def test_api_an_intake(cast, client_for, flat):
    intake = _intakes(1)[0]

    def make(n):
        for _ in range(n):
            CandidateFactory(intake=intake)

    flat(
        client_for(cast["recruitment_officer"]), reverse("v1:intake-detail", args=[intake.pk]), make
    )


def test_the_figures(cast, client_for, flat):
    officer = cast["recruitment_officer"]
    flat(
        client_for(officer),
        reverse("recruitment:dashboard"),
        lambda n: EOIFactory.create_batch(n, captured_by=officer),
    )
