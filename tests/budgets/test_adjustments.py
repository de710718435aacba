from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from adjustments.models import JoinerNeed, PassportVersion
from adjustments.services.passports import passport_consent_give
from tests.adjustments.factories import (
    AdjustmentFactory,
    DyslexiaReferralFactory,
    SubmittedPassportFactory,
)
from tests.factories import UserFactory


def test_the_ra_queue(cast, client_for, flat):
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:queue"),
        lambda n: SubmittedPassportFactory.create_batch(n),
    )


def test_a_passport_with_many_adjustments(cast, client_for, flat):
    officer = cast["ra_officer"]
    passport = SubmittedPassportFactory(status="in_review", ra_officer=officer)
    flat(
        client_for(officer),
        reverse("adjustments:passport", args=[passport.pk]),
        lambda n: AdjustmentFactory.create_batch(n, passport=passport),
    )


def test_a_passport_a_line_manager_was_shared(cast, client_for, flat):
    """The manager's view also asks whether the owner's consent still stands."""
    colleague, manager = cast["colleague"], cast["manager"]
    passport = SubmittedPassportFactory(
        owner=colleague, status="in_review", ra_officer=cast["ra_officer"]
    )
    passport_consent_give(actor=colleague, passport=passport)
    flat(
        client_for(manager),
        reverse("adjustments:passport", args=[passport.pk]),
        lambda n: AdjustmentFactory.create_batch(n, passport=passport),
    )


def test_joiner_needs(cast, client_for, flat):
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:needs"),
        lambda n: JoinerNeed.objects.bulk_create(
            JoinerNeed(
                name=f"Joiner {i}",
                details="Ramp",
                source=f"EOI {JoinerNeed.objects.count() + i + 100}",
            )
            for i in range(n)
        ),
    )


def test_a_joiner_need(cast, client_for, flat):
    need = JoinerNeed.objects.create(name="Joiner", details="Ramp", source="EOI 1")
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:need", args=[need.pk]),
        lambda n: JoinerNeed.objects.bulk_create(
            JoinerNeed(
                name=f"Other {i}",
                details="Ramp",
                source=f"EOI {JoinerNeed.objects.count() + i + 100}",
            )
            for i in range(n)
        ),
    )


def test_dyslexia_referrals(cast, client_for, flat):
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:referrals"),
        lambda n: DyslexiaReferralFactory.create_batch(n),
    )


def test_a_dyslexia_referral(cast, client_for, flat):
    referral = DyslexiaReferralFactory()
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:referral", args=[referral.pk]),
        lambda n: DyslexiaReferralFactory.create_batch(n),
    )


def test_team_passports(cast, client_for, flat):
    manager = cast["manager"]
    flat(
        client_for(manager),
        reverse("adjustments:team"),
        lambda n: UserFactory.create_batch(n, line_manager=manager),
    )


def _late(n):
    """n passports submitted and not taken within the acknowledgement days."""
    SubmittedPassportFactory.create_batch(n, submitted_at=timezone.now() - timedelta(days=30))


def test_overdue(cast, client_for, flat):
    flat(client_for(cast["ra_officer"]), reverse("adjustments:overdue"), _late)


def test_a_submitted_version(cast, client_for, flat):
    officer = cast["ra_officer"]
    passport = SubmittedPassportFactory(status="in_review", ra_officer=officer)

    def make(n):
        start = passport.versions.count()
        PassportVersion.objects.bulk_create(
            PassportVersion(passport=passport, number=i + 1, content={"impact": "Reading"})
            for i in range(start, start + n)
        )

    flat(client_for(officer), reverse("adjustments:passport-version", args=[passport.pk, 1]), make)


def test_api_passports(cast, client_for, flat):
    flat(
        client_for(cast["ra_officer"]),
        reverse("v1:passport-list"),
        lambda n: SubmittedPassportFactory.create_batch(n),
    )


def test_api_a_passport(cast, client_for, flat):
    passport = SubmittedPassportFactory()
    flat(
        client_for(cast["ra_officer"]),
        reverse("v1:passport-detail", args=[passport.pk]),
        lambda n: AdjustmentFactory.create_batch(n, passport=passport),
    )


def test_the_figures(cast, client_for, flat):
    """Both passport counts come from one query."""
    flat(
        client_for(cast["ra_officer"]),
        reverse("adjustments:dashboard"),
        SubmittedPassportFactory.create_batch,
    )
