"""Factories for recruitment records."""

from datetime import date

import factory

from people.models import EntryRoute
from recruitment.models import (
    Ambassador,
    Campaign,
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    Intake,
    PipelineStage,
    Zone,
)
from tests.factories import UserFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Campaign {n}")
    channel = Channel.EVENT
    starts_on = date(2026, 3, 1)
    ends_on = date(2026, 3, 6)
    place = "One Stop Shopping Centre, Perry Barr"
    cost = 6000


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Zone {n}")
    kind = Zone.Kind.RECRUITMENT


class AmbassadorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambassador
        django_get_or_create = ["person"]

    person = factory.SubFactory(UserFactory)
    inducted_on = date(2025, 6, 1)
    trainer = "Sgt Jo Bell"


class EOIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpressionOfInterest
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    phone = factory.Sequence(lambda n: f"+4477009{n:05d}")
    postcode = "B42 1AA"
    route = EntryRoute.PCDA
    consent_to_contact = True
    received_on = date(2026, 3, 2)
    captured_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def source(self, create, extracted, **kwargs):
        if create:
            EOISource.objects.create(
                eoi=self,
                channel=kwargs.get("channel", Channel.WEB),
                campaign=kwargs.get("campaign"),
                zone=kwargs.get("zone"),
                ambassador=kwargs.get("ambassador"),
                captured_by=self.captured_by,
                captured_on=self.received_on,
            )


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PipelineStage
        django_get_or_create = ["route", "name"]

    route = EntryRoute.PCDA
    name = factory.Sequence(lambda n: f"Stage {n}")
    order = factory.Sequence(lambda n: n + 1)
    scored = True


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    name = factory.Sequence(lambda n: f"PCDA intake {n}")
    route = EntryRoute.PCDA
    start_date = factory.Sequence(lambda n: date(2026, 9, 1 + n % 28))


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    eoi = factory.SubFactory(EOIFactory, status=ExpressionOfInterest.Status.APPLIED)
    route = EntryRoute.PCDA
    applied_on = date(2026, 3, 20)
