from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from adjustments import services
from adjustments.models import DyslexiaReferral, Passport
from people.roles import Role
from tests.adjustments.factories import DyslexiaReferralFactory
from tests.factories import UserFactory

TODAY = date.today()


@pytest.fixture
def joiner(db):
    return UserFactory(
        staff_number="JOIN1", entry_route="pcda", start_date=TODAY + timedelta(days=60)
    )


def _returned(ra_officer, joiner):
    referral = services.referral_send(
        actor=ra_officer, person=joiner, form_sent_on=TODAY - timedelta(days=30)
    )
    return services.referral_return(actor=joiner, referral=referral, on=TODAY - timedelta(days=25))


def test_the_form_goes_to_student_officers_only(ra_officer, colleague, joiner):
    with pytest.raises(ValidationError):
        services.referral_send(actor=ra_officer, person=colleague)  # no constable route
    services.referral_send(actor=ra_officer, person=joiner)
    with pytest.raises(ValidationError):
        services.referral_send(actor=ra_officer, person=joiner)  # one open referral


def test_only_ra_officers_send_forms(dyslexia_assessor, joiner):
    with pytest.raises(PermissionDenied):
        services.referral_send(actor=dyslexia_assessor, person=joiner)


def test_every_joiner_gets_a_form_once(ra_officer, joiner):
    UserFactory(staff_number="OLD1", entry_route="dhep", start_date=TODAY - timedelta(days=900))
    assert services.referrals_send_to_joiners(actor=ra_officer, starting_from=TODAY) == 1
    assert services.referrals_send_to_joiners(actor=ra_officer, starting_from=TODAY) == 0


def test_the_joiner_may_decline_and_then_cannot_return_it(ra_officer, joiner):
    referral = services.referral_send(actor=ra_officer, person=joiner)
    services.referral_decline(actor=joiner, referral=referral)
    with pytest.raises(ValidationError):
        services.referral_return(actor=joiner, referral=referral)
    assert DyslexiaReferral.objects.get().stage == DyslexiaReferral.Stage.DECLINED


def test_screening_and_assessment_feed_the_passport(ra_officer, dyslexia_assessor, joiner):
    referral = _returned(ra_officer, joiner)
    services.referral_book_screening(
        actor=ra_officer,
        referral=referral,
        assessor=dyslexia_assessor,
        screening_on=TODAY - timedelta(days=20),
    )
    services.referral_record_screening(
        actor=dyslexia_assessor, referral=referral, outcome="indicative", recommendations=""
    )
    services.referral_book_assessment(
        actor=dyslexia_assessor, referral=referral, assessment_on=TODAY - timedelta(days=10)
    )
    services.referral_record_assessment(
        actor=dyslexia_assessor,
        referral=referral,
        result="dyslexia",
        recommendations="Coloured overlays; 25% extra time in exams",
    )
    services.referral_risk_assessment(
        actor=ra_officer, referral=referral, on=TODAY - timedelta(days=5)
    )
    referral.refresh_from_db()
    assert referral.stage == DyslexiaReferral.Stage.ASSESSED
    assert referral.assessed_before_joining and referral.risk_assessment_before_start
    passport = Passport.objects.get(owner=joiner)
    assert referral.passport == passport
    assert "Coloured overlays" in passport.recommendations
    assert "screening Indicative" in passport.recommendations


def test_only_the_assigned_assessor_records_an_outcome(ra_officer, dyslexia_assessor, joiner):
    referral = _returned(ra_officer, joiner)
    services.referral_book_screening(
        actor=ra_officer, referral=referral, assessor=dyslexia_assessor, screening_on=TODAY
    )
    other = UserFactory(staff_number="ASSESS2", roles=[Role.DYSLEXIA_ASSESSOR])
    for intruder in (other, ra_officer):
        with pytest.raises(PermissionDenied):
            services.referral_record_screening(
                actor=intruder, referral=referral, outcome="not_indicative"
            )


def test_screening_is_booked_with_an_assessor_only(ra_officer, colleague, joiner):
    referral = _returned(ra_officer, joiner)
    with pytest.raises(ValidationError) as error:
        services.referral_book_screening(
            actor=ra_officer, referral=referral, assessor=colleague, screening_on=TODAY
        )
    assert "assessor" in error.value.message_dict


def test_a_result_needs_an_assessment_date_in_the_database(db):
    referral = DyslexiaReferralFactory()
    referral.diagnostic_result = "dyslexia"
    with pytest.raises(ValidationError):
        referral.full_clean()
