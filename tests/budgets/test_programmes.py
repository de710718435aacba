from datetime import date
from decimal import Decimal

from django.urls import reverse

from programmes.models import Measurement
from tests.programmes.factories import (
    BenefitFactory,
    FinancialLineFactory,
    ProfileLineFactory,
    ProgrammeFactory,
    ProjectFactory,
)


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

    flat(client_for(analyst), reverse("programmes:benefit", args=[benefit.pk]), make)


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


def _benefit_with_years(benefit):
    def make(n):
        start = benefit.profile.count()
        for i in range(start, start + n):
            ProfileLineFactory(
                benefit=benefit, financial_year=f"FY{(i + 10) % 100:02d}/{(i + 11) % 100:02d}"
            )

    return make


def test_the_summary(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:summary"),
        lambda n: FinancialLineFactory.create_batch(n),
    )


def test_the_figures(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:figures"),
        lambda n: BenefitFactory.create_batch(n),
    )


def test_a_benefit_s_profile_section(cast, client_for, flat):
    benefit = BenefitFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("programmes:profile", args=[benefit.pk]),
        _benefit_with_years(benefit),
    )


def test_api_programmes(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:programme-list"),
        lambda n: ProgrammeFactory.create_batch(n),
    )


def test_api_a_programme(cast, client_for, flat):
    programme = ProgrammeFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:programme-detail", args=[programme.pk]),
        lambda n: ProjectFactory.create_batch(n, programme=programme),
    )


def test_api_projects(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:project-list"),
        lambda n: ProjectFactory.create_batch(n),
    )


def test_api_a_project(cast, client_for, flat):
    project = ProjectFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:project-detail", args=[project.pk]),
        lambda n: BenefitFactory.create_batch(n, project=project),
    )


def test_api_financial_lines(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:financial-line-list"),
        lambda n: FinancialLineFactory.create_batch(n),
    )


def test_api_a_financial_line(cast, client_for, flat):
    line = FinancialLineFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:financial-line-detail", args=[line.pk]),
        lambda n: FinancialLineFactory.create_batch(n),
    )


def test_api_benefits(cast, client_for, flat):
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:benefit-list"),
        lambda n: BenefitFactory.create_batch(n),
    )


def test_api_a_benefit(cast, client_for, flat):
    benefit = BenefitFactory()
    flat(
        client_for(cast["benefits_analyst"]),
        reverse("v1:benefit-detail", args=[benefit.pk]),
        _benefit_with_years(benefit),
    )
