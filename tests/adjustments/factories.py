"""Factories for reasonable adjustments records."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from adjustments.models import Adjustment, DyslexiaReferral, Passport
from tests.factories import UserFactory


class PassportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passport

    owner = factory.SubFactory(UserFactory)
    status = Passport.Status.DRAFT
    conditions = "Dyslexia; migraines"
    impact = "Reading long reports takes me longer"
    good_day = "I work at my usual pace"
    bad_day = "Bright light makes the migraine worse"
    review_date = factory.LazyFunction(lambda: date.today() + timedelta(days=182))


class SubmittedPassportFactory(PassportFactory):
    status = Passport.Status.SUBMITTED
    submitted_version = 1
    submitted_at = factory.LazyFunction(timezone.now)


class AdjustmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adjustment

    passport = factory.SubFactory(SubmittedPassportFactory)
    description = "Screen-reading software"
    kind = Adjustment.Kind.SOFTWARE
    cost = 120
    requested_on = factory.LazyFunction(lambda: date.today() - timedelta(days=10))


class DyslexiaReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DyslexiaReferral

    person = factory.SubFactory(UserFactory, entry_route="pcda", start_date=date(2030, 9, 1))
    form_sent_on = factory.LazyFunction(lambda: date.today() - timedelta(days=20))
