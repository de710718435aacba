from datetime import timedelta

from django.utils import timezone

from adjustments import privacy, services
from adjustments.models import DyslexiaReferral, JoinerNeed, Passport
from tests.adjustments.factories import AdjustmentFactory, DyslexiaReferralFactory


def test_subject_access_gathers_the_colleagues_passport(taken, colleague, outsider):
    AdjustmentFactory(passport=taken)
    rows = privacy.passports_for_subject(person=colleague)
    assert rows[0]["conditions"] == "Dyslexia; migraines"
    adjustments = privacy.adjustments_for_subject(person=colleague)
    assert adjustments[0]["description"] == "Screen-reading software"
    assert privacy.passport_versions_for_subject(person=colleague)[0]["version"] == 1
    assert privacy.passports_for_subject(person=outsider) == []
    assert privacy.access_to_work_for_subject(person=outsider) == []


def test_subject_access_finds_a_joiners_request_by_email(recruitment_officer, student):
    services.joiner_need_record(
        actor=recruitment_officer, name="K", details="Ramp", source="EOI 1", email="k@x.test"
    )
    DyslexiaReferralFactory(person=student)
    assert privacy.joiner_needs_for_subject(person=None, email="K@x.test")[0]["details"] == "Ramp"
    assert len(privacy.referrals_for_subject(person=student)) == 1


def test_retention_finds_only_what_is_closed_and_old(passport, colleague, db):
    services.passport_close(actor=colleague, passport=passport, reason="Left")
    Passport.objects.filter(pk=passport.pk).update(closed_at=timezone.now() - timedelta(days=800))
    DyslexiaReferralFactory()  # open: kept
    JoinerNeed.objects.create(name="N", details="d", source="EOI 2")  # new: kept
    cutoff = timezone.now() - timedelta(days=700)
    assert list(privacy.closed_passports_due(cutoff)) == [Passport.objects.get()]
    assert privacy.delete_all(privacy.closed_passports_due(cutoff)) == 1
    assert not Passport.objects.exists()
    assert not privacy.finished_referrals_due(timezone.now()).exists()
    assert not privacy.finished_joiner_needs_due(timezone.now()).exists()
    assert DyslexiaReferral.objects.count() == 1
