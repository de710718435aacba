from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from adjustments import services
from adjustments.models import AccessToWork, Adjustment, ManagerConsent, Passport
from adjustments.permissions import manager_has_consent
from people.services import person_change
from tests.adjustments.factories import AdjustmentFactory
from tests.factories import UserFactory


def _fresh(passport):
    return Passport.objects.select_related("owner").get(pk=passport.pk)


def test_it_starts_a_draft_with_a_review_six_months_on(colleague):
    passport = services.passport_create(actor=colleague, owner=colleague, about_me="PC on nights")
    assert passport.status == Passport.Status.DRAFT
    assert 181 <= (passport.review_date - date.today()).days <= 184
    assert [e.action for e in passport.events.all()] == ["passport.created"]


def test_it_refuses_a_review_date_in_the_past_on_creation(colleague):
    with pytest.raises(ValidationError) as error:
        services.passport_create(
            actor=colleague, owner=colleague, review_date=date.today() - timedelta(days=1)
        )
    assert "cannot be in the past" in error.value.message_dict["review_date"][0]
    assert not Passport.objects.exists()


def test_a_colleague_cannot_start_someone_elses_passport(colleague, outsider):
    with pytest.raises(PermissionDenied):
        services.passport_create(actor=outsider, owner=colleague)


def test_submitting_keeps_each_version(passport, colleague, ra_officer):
    services.passport_submit(actor=colleague, passport=passport)
    services.passport_take(actor=ra_officer, passport=passport)
    services.passport_activate(actor=ra_officer, passport=passport)
    services.passport_update(actor=colleague, passport=passport, impact="Worse in winter")
    services.passport_submit(actor=colleague, passport=passport)
    passport.refresh_from_db()
    assert passport.submitted_version == 2 and passport.status == Passport.Status.SUBMITTED
    first, second = passport.versions.order_by("number")
    assert first.content["impact"] != second.content["impact"] == "Worse in winter"


def test_only_an_ra_officer_takes_a_submitted_passport(submitted, colleague, ra_officer):
    with pytest.raises(PermissionDenied):
        services.passport_take(actor=colleague, passport=submitted)
    taken = services.passport_take(actor=ra_officer, passport=submitted)
    assert taken.ra_officer == ra_officer and taken.acknowledged_at is not None
    with pytest.raises(ValidationError):
        services.passport_take(actor=ra_officer, passport=submitted)


def test_section_4_1_is_written_only_by_the_current_line_manager(
    shared_passport, manager, colleague, ra_officer, outsider
):
    for intruder in (colleague, ra_officer, outsider):
        with pytest.raises(PermissionDenied):
            services.passport_section_4_1(actor=intruder, passport=shared_passport, text="x")
    services.passport_section_4_1(actor=manager, passport=shared_passport, text="Supportive")
    assert _fresh(shared_passport).section_4_1_by == manager


def test_a_former_manager_cannot_write_section_4_1(shared_passport, manager, colleague, admin_user):
    new_manager = UserFactory(staff_number="NEWMGR")
    person_change(
        actor=admin_user, person=colleague, effective=date.today(), line_manager=new_manager
    )
    with pytest.raises(PermissionDenied):
        services.passport_section_4_1(actor=manager, passport=_fresh(shared_passport), text="x")


def test_consent_rule_when_the_manager_changes(shared_passport, manager, colleague, admin_user):
    assert manager_has_consent(manager, _fresh(shared_passport))
    new_manager = UserFactory(staff_number="NEWMGR")
    person_change(
        actor=admin_user, person=colleague, effective=date.today(), line_manager=new_manager
    )
    passport = _fresh(shared_passport)
    assert not manager_has_consent(manager, passport)  # the old manager loses access at once
    assert not manager_has_consent(new_manager, passport)  # the new one waits for consent
    colleague.refresh_from_db()
    services.passport_consent_give(actor=colleague, passport=passport)
    assert manager_has_consent(new_manager, _fresh(passport))
    assert not manager_has_consent(manager, _fresh(passport))


def test_the_colleague_can_withdraw_consent(shared_passport, manager, colleague):
    assert services.passport_consent_withdraw(actor=colleague, passport=shared_passport) == 1
    assert not manager_has_consent(manager, _fresh(shared_passport))
    with pytest.raises(PermissionDenied):
        services.passport_section_4_1(actor=manager, passport=shared_passport, text="x")


def test_only_the_colleague_gives_consent(passport, manager):
    with pytest.raises(ValidationError):
        services.passport_consent_give(actor=manager, passport=passport)


def test_only_an_ra_officer_agrees_or_declines(taken, colleague, manager, ra_officer):
    adjustment = services.adjustment_request(
        actor=colleague, passport=taken, description="Ergonomic chair", kind="equipment", cost=250
    )
    for other in (colleague, manager):
        with pytest.raises(PermissionDenied):
            services.adjustment_agree(actor=other, adjustment=adjustment)
        with pytest.raises(PermissionDenied):
            services.adjustment_decline(
                actor=other, adjustment=adjustment, category="other", reason="No"
            )
    services.adjustment_agree(actor=ra_officer, adjustment=adjustment)
    adjustment.refresh_from_db()
    assert adjustment.status == Adjustment.Status.AGREED and adjustment.decided_by == ra_officer


def test_a_decline_without_a_reason_is_refused(taken, colleague, ra_officer):
    adjustment = AdjustmentFactory(passport=taken)
    with pytest.raises(ValidationError) as error:
        services.adjustment_decline(
            actor=ra_officer, adjustment=adjustment, category="other", reason="  "
        )
    assert "reason" in error.value.message_dict
    adjustment.refresh_from_db()
    assert adjustment.status == Adjustment.Status.REQUESTED


def test_an_adjustment_moves_from_request_to_in_place_to_ended(taken, colleague, ra_officer):
    adjustment = AdjustmentFactory(passport=taken, requested_on=date.today() - timedelta(days=12))
    with pytest.raises(ValidationError):
        services.adjustment_in_place(actor=ra_officer, adjustment=adjustment)
    services.adjustment_agree(actor=ra_officer, adjustment=adjustment)
    services.adjustment_in_place(actor=ra_officer, adjustment=adjustment)
    adjustment.refresh_from_db()
    assert adjustment.days_to_in_place == 12
    services.adjustment_end(actor=colleague, adjustment=adjustment)
    adjustment.refresh_from_db()
    assert adjustment.status == Adjustment.Status.ENDED
    actions = list(taken.events.values_list("action", flat=True))
    assert actions[-3:] == ["adjustment.agreed", "adjustment.in_place", "adjustment.ended"]


def test_a_negative_cost_is_refused(taken, colleague):
    with pytest.raises(ValidationError) as error:
        services.adjustment_request(
            actor=colleague,
            passport=taken,
            description="Chair",
            kind="equipment",
            cost=Decimal("-1"),
        )
    assert "cannot be negative" in error.value.message_dict["cost"][0]
    assert not Adjustment.objects.exists()


def test_an_access_to_work_award_needs_a_reference(taken, ra_officer):
    with pytest.raises(ValidationError) as error:
        services.access_to_work_record(
            actor=ra_officer,
            passport=taken,
            applied_on=date.today() - timedelta(days=30),
            award_amount=Decimal("1500"),
            award_on=date.today(),
        )
    assert "reference" in error.value.message_dict
    assert not AccessToWork.objects.exists()
    award = services.access_to_work_record(
        actor=ra_officer,
        passport=taken,
        applied_on=date.today() - timedelta(days=30),
        reference="ATW/123",
        award_amount=Decimal("1500"),
        award_on=date.today(),
        employer_share=Decimal("300"),
    )
    assert award.status == AccessToWork.Status.AWARDED


def test_reviews_come_six_months_then_yearly_with_a_reminder(
    taken, ra_officer, mailoutbox, django_capture_on_commit_callbacks
):
    passport = services.passport_activate(actor=ra_officer, passport=taken)
    later = services.passport_review(actor=ra_officer, passport=passport)
    assert 364 <= (later.review_date - date.today()).days <= 366 and later.reviews_held == 1
    Passport.objects.filter(pk=passport.pk).update(review_date=date.today() + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.passport_review_reminders() == 1
    assert services.passport_review_reminders() == 0  # safe to run twice
    assert len(mailoutbox) == 1


def test_closing_needs_a_reason_and_frees_the_colleague_for_a_new_passport(passport, colleague):
    with pytest.raises(ValidationError):
        services.passport_close(actor=colleague, passport=passport, reason="")
    services.passport_close(actor=colleague, passport=passport, reason="Moved on")
    services.passport_create(actor=colleague, owner=colleague)
    assert Passport.objects.filter(owner=colleague).count() == 2


def test_an_application_in_the_first_six_weeks_is_flagged(taken, ra_officer):
    taken.owner.start_date = date.today() - timedelta(days=20)
    application = services.access_to_work_record(
        actor=ra_officer, passport=taken, applied_on=date.today()
    )
    assert application.in_first_six_weeks is True


def test_a_manager_who_comes_back_needs_fresh_consent(
    shared_passport, manager, colleague, admin_user
):
    ManagerConsent.objects.update(given_on=date(2019, 1, 1))  # shared years ago
    interim = UserFactory(staff_number="INTERIM")
    person_change(
        actor=admin_user, person=colleague, effective=date(2021, 1, 1), line_manager=interim
    )
    person_change(
        actor=admin_user, person=colleague, effective=date(2022, 1, 1), line_manager=manager
    )
    passport = _fresh(shared_passport)
    assert not manager_has_consent(manager, passport)
    services.passport_consent_give(actor=passport.owner, passport=passport)
    assert manager_has_consent(manager, _fresh(passport))
    assert passport.consents.filter(withdrawn_at__isnull=True).count() == 1


def test_a_promotion_with_the_same_manager_keeps_consent(
    shared_passport, manager, colleague, admin_user
):
    person_change(
        actor=admin_user, person=colleague, effective=date.today() + timedelta(1), rank="sergeant"
    )
    assert manager_has_consent(manager, _fresh(shared_passport))
