from datetime import date

import pytest

from programmes import services
from programmes.models import BaselineVersion, BenefitsReview
from tests.programmes.factories import BASELINE, BenefitFactory, FinancialLineFactory


@pytest.mark.parametrize(
    "model",
    [
        "programme",
        "project",
        "financialline",
        "fteefficiency",
        "benefit",
        "profileline",
        "measurement",
        "baselineversion",
        "benefitsreview",
    ],
)
def test_admin_lists_open_with_search(client_for, admin_user, model):
    FinancialLineFactory()
    response = client_for(admin_user).get(f"/admin/programmes/{model}/", {"q": "a"})
    assert response.status_code == 200


@pytest.fixture
def review(benefits_analyst):
    return services.benefits_review_take(
        actor=benefits_analyst, title="ABR 2021", as_at=date(2021, 9, 30)
    )


def test_a_review_cannot_be_edited_or_deleted_in_admin(client_for, admin_user, review):
    client = client_for(admin_user)
    url = f"/admin/programmes/benefitsreview/{review.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200  # viewable
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"title": "Edited", "as_at": "2021-09-30"}).status_code == 403
    delete = f"/admin/programmes/benefitsreview/{review.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get("/admin/programmes/benefitsreview/add/").status_code == 403
    assert BenefitsReview.objects.get(pk=review.pk).title == "ABR 2021"


def test_a_baseline_version_cannot_be_edited_in_admin(
    client_for, admin_user, benefits_analyst, people_analyst
):
    benefit = BenefitFactory()
    services.benefit_transition(actor=benefits_analyst, benefit=benefit, to="validated")
    version = services.benefit_baseline(
        actor=benefits_analyst, benefit=benefit, approved_by=people_analyst, **BASELINE
    )
    url = f"/admin/programmes/baselineversion/{version.pk}/change/"
    assert client_for(admin_user).post(url, {"reason": "Edited"}).status_code == 403
    assert BaselineVersion.objects.get(pk=version.pk).reason == "Initial baseline"
