import pytest
from django.urls import reverse

from adjustments import services
from core.audit import reads_of
from core.navigation import nav_for
from tests.adjustments.factories import DyslexiaReferralFactory


def _labels(user):
    return {item.label for item in nav_for(user)}


def test_each_role_sees_its_adjustments_menu(cast):
    assert {"Adjustments queue", "Dyslexia referrals", "Adjustments figures"} <= _labels(
        cast["ra_officer"]
    )
    assert _labels(cast["dyslexia_assessor"]) & {"Adjustments queue", "Dyslexia referrals"} == {
        "Dyslexia referrals"
    }
    assert "Team passports" in _labels(cast["manager"])
    assert "Adjustments figures" in _labels(cast["people_analyst"])
    assert not {"Adjustments queue", "Team passports"} & _labels(cast["colleague"])


def test_home_offers_the_passport_and_the_referral_form(client_for, student):
    referral = DyslexiaReferralFactory(person=student)
    response = client_for(student).get(reverse("home"))
    items = {item.title: item for item in response.context["work_items"]}
    assert "Your adjustment passport" in items
    assert items["Dyslexia self-referral form"].url.endswith(f"/referrals/{referral.pk}/")


def test_home_tells_ra_officers_what_is_waiting(client_for, ra_officer, submitted):
    response = client_for(ra_officer).get(reverse("home"))
    items = {item.title: item.count for item in response.context["work_items"]}
    assert items["Passports waiting to be taken"] == 1


def test_the_joiner_returns_the_form_from_their_page(client_for, student):
    referral = DyslexiaReferralFactory(person=student)
    url = reverse("adjustments:referral-action", args=[referral.pk, "return"])
    assert client_for(student).post(url, {}).status_code == 302
    referral.refresh_from_db()
    assert referral.stage == "returned"


def test_an_earlier_version_is_readable_and_its_read_logged(
    client_for, submitted, colleague, outsider
):
    url = reverse("adjustments:passport-version", args=[submitted.pk, 1])
    assert client_for(outsider).get(url).status_code == 404
    response = client_for(colleague).get(url)
    assert response.status_code == 200 and "Dyslexia; migraines" in response.content.decode()
    assert reads_of(submitted).count() == 1


def test_the_ra_officer_sends_forms_to_every_joiner(client_for, ra_officer, student):
    url = reverse("adjustments:referral-send-all")
    response = client_for(ra_officer).post(url, {"starting_from": "2025-01-01"})
    assert response.status_code == 302 and student.dyslexia_referrals.count() == 1


@pytest.mark.parametrize(
    "model",
    [
        "joinerneed",
        "passport",
        "passportversion",
        "passportevent",
        "managerconsent",
        "adjustment",
        "accesstowork",
        "dyslexiareferral",
    ],
)
def test_admin_lists_open_with_search(client_for, admin_user, shared_passport, model):
    response = client_for(admin_user).get(f"/admin/adjustments/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_the_admin_passport_page_hides_the_special_category_sections(
    client_for, admin_user, passport, colleague
):
    services.passport_submit(actor=colleague, passport=passport)
    page = client_for(admin_user).get(f"/admin/adjustments/passport/{passport.pk}/change/")
    assert page.status_code == 200 and "Dyslexia; migraines" not in page.content.decode()
