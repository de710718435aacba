from datetime import date
from decimal import Decimal

import factory

from programmes.models import (
    Benefit,
    BenefitClass,
    BenefitKind,
    FinancialLine,
    ProfileLine,
    Programme,
    Project,
)
from tests.factories import DepartmentFactory, UserFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Programme {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Project {n}")
    short_description = "A project."
    owner = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory, name="Change and Transformation")


class FinancialLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinancialLine

    project = factory.SubFactory(ProjectFactory)
    financial_year = "FY22/23"


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    reference = factory.Sequence(lambda n: f"BEN-{n:04d}")
    project = factory.SubFactory(ProjectFactory)
    description = "Officer time saved by not collecting evidence on disc."
    kind = BenefitKind.BENEFIT
    benefit_class = BenefitClass.CASHABLE
    owner = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory, name="Force CID")
    measure = "Annual saving"
    unit = "£"


class ProfileLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileLine

    benefit = factory.SubFactory(BenefitFactory)
    financial_year = "FY22/23"
    planned = Decimal("1000.00")


BASELINE = {
    "value": Decimal("0"),
    "baseline_date": date(2021, 4, 1),
    "source": "Finance ledger",
    "target_value": Decimal("5000"),
    "approved_on": date(2021, 5, 1),
}
