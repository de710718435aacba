from datetime import date
from decimal import Decimal

from django.urls import reverse

from programmes.models import Measurement
from tests.programmes.factories import BenefitFactory, ProfileLineFactory, ProjectFactory


def test_benefit_register(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:benefit-list"),
        lambda n: BenefitFactory.create_batch(n),
    )


def test_a_benefit_with_many_measurements_and_years(cast, client_for, flat):
    analyst = cast["benefits_analyst"]
    benefit = BenefitFactory()

    def make(n):
        start = Measurement.objects.filter(benefit=benefit).count()
        Measurement.objects.bulk_create(
            Measurement(
                benefit=benefit,
                measured_on=date(2025, 1, 1),
                value=Decimal(i),
                evidence="Report",
                recorded_by=analyst,
            )
            for i in range(n)
        )
        for i in range(start, start + n):
            ProfileLineFactory(
                benefit=benefit, financial_year=f"FY{(i + 10) % 100:02d}/{(i + 11) % 100:02d}"
            )

    flat(client_for(analyst), reverse("programmes:benefit", args=[benefit.pk]), make, budget=12)


def test_project_list(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:project-list"),
        lambda n: ProjectFactory.create_batch(n),
    )


def test_a_project_with_many_benefits(cast, client_for, flat):
    project = ProjectFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:project", args=[project.pk]),
        lambda n: BenefitFactory.create_batch(n, project=project),
    )


def test_reviews(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:review-list"),
        lambda n: BenefitFactory.create_batch(n),
    )
