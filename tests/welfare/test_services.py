from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from core.models import Setting
from core.settings_store import forget_setting
from people import services as people_services
from people.models import User
from welfare import services
from welfare.models import (
    CaseTheme,
    ContactLogEntry,
    Outcome,
    Reg13Stage,
    Resignation,
    SupportOffered,
    WelfareCase,
)

from .factories import student_officer


def _messages(error: ValidationError, field: str) -> str:
    return " ".join(error.value.message_dict[field])


def test_it_opens_a_case_with_first_contact_due_in_two_working_days(case):
    # Notified on Monday 5 January 2026: due Wednesday 7 January.
    assert case.first_contact_due == date(2026, 1, 7)
    assert case.status == "Open: waiting for first contact"
    assert LogEntry.objects.filter(additional_data__action="welfare.case.opened").exists()


def test_the_first_contact_target_is_an_admin_setting(on_probation, welfare_officer):
    Setting.objects.create(key=services.FIRST_CONTACT_SETTING, value=5)
    forget_setting(services.FIRST_CONTACT_SETTING)
    try:
        case = services.welfare_case_open(
            actor=welfare_officer,
            officer=on_probation,
            how_opened="welfare_team",
            notified_on=date(2026, 1, 9),  # a Friday
        )
    finally:
        forget_setting(services.FIRST_CONTACT_SETTING)
    assert case.first_contact_due == date(2026, 1, 16)


def test_it_refuses_a_case_for_a_colleague_without_probation(colleague, welfare_officer):
    with pytest.raises(ValidationError) as error:
        services.welfare_case_open(
            actor=welfare_officer,
            officer=colleague,
            how_opened="welfare_team",
            notified_on=date(2026, 1, 5),
        )
    assert "no probation" in _messages(error, "officer")
    assert not WelfareCase.objects.exists()


def test_it_works_for_any_officer_recruitment_creates(welfare_officer):
    officer = student_officer(route="pcda")
    resignation = services.resignation_record(
        actor=welfare_officer, officer=officer, submitted_on=date(2026, 2, 2)
    )
    assert resignation.during_probation
    assert resignation.last_day == date(2026, 3, 2)


def test_one_open_case_per_officer(case, welfare_officer):
    with pytest.raises(ValidationError):
        services.welfare_case_open(
            actor=welfare_officer,
            officer=case.officer,
            how_opened="welfare_team",
            notified_on=date(2026, 1, 6),
        )


def test_a_line_manager_may_raise_a_concern_only_about_their_own_student(
    on_probation, manager, outsider
):
    with pytest.raises(PermissionDenied):
        services.welfare_concern_raise(manager=outsider, officer=on_probation, concern="x")
    case = services.welfare_concern_raise(
        manager=manager, officer=on_probation, concern="Seems unhappy on shifts."
    )
    assert case.how_opened == "line_manager" and case.raised_by == manager


def test_a_second_concern_joins_the_open_case(case, manager):
    again = services.welfare_concern_raise(
        manager=manager, officer=case.officer, concern="Still worried."
    )
    assert again.pk == case.pk
    assert case.contacts.get().kind == "note"
    again.refresh_from_db()
    assert again.raised_by == manager


def test_first_contact_is_the_earliest_contact_with_the_student(case, welfare_officer):
    services.welfare_contact_record(
        actor=welfare_officer,
        case=case,
        contact_on=date(2026, 1, 5),
        kind="note",
        summary="Read the file.",
    )
    case.refresh_from_db()
    assert case.first_contact_on is None
    services.welfare_contact_record(
        actor=welfare_officer,
        case=case,
        contact_on=date(2026, 1, 6),
        kind="phone",
        summary="Supportive call.",
        follow_up_due=date(2026, 1, 13),
    )
    case.refresh_from_db()
    assert case.first_contact_on == date(2026, 1, 6)
    assert case.status == "Open: the welfare team is in touch"


def test_a_follow_up_before_the_contact_is_refused(case, welfare_officer):
    with pytest.raises(ValidationError) as error:
        services.welfare_contact_record(
            actor=welfare_officer,
            case=case,
            contact_on=date(2026, 1, 8),
            kind="phone",
            summary="Call.",
            follow_up_due=date(2026, 1, 7),
        )
    assert "before the contact" in _messages(error, "follow_up_due")
    assert not ContactLogEntry.objects.exists()


def test_support_and_themes_are_multi_select_and_other_needs_notes(case, welfare_officer):
    services.welfare_support_record(
        actor=welfare_officer,
        case=case,
        kinds=["oh_referral", "mentoring"],
        offered_on=date(2026, 1, 7),
    )
    services.welfare_support_record(
        actor=welfare_officer,
        case=case,
        kinds=["mentoring", "posting_change"],
        offered_on=date(2026, 1, 9),
    )
    offered = dict(SupportOffered.objects.values_list("kind", "offered_on"))
    assert offered == {"mentoring": date(2026, 1, 7), "posting_change": date(2026, 1, 9)}
    with pytest.raises(ValidationError) as error:
        services.welfare_themes_record(actor=welfare_officer, case=case, themes=["other"])
    assert "Other" in _messages(error, "theme_notes")
    services.welfare_themes_record(
        actor=welfare_officer, case=case, themes=["role", "health"], notes="Shifts and anxiety."
    )
    assert set(CaseTheme.objects.values_list("theme", flat=True)) == {"role", "health"}


def test_an_outcome_without_a_closure_date_is_refused_and_nothing_saved(case, welfare_officer):
    with pytest.raises(ValidationError) as error:
        services.welfare_case_close(
            actor=welfare_officer, case=case, outcome=Outcome.RETAINED, closed_on=None
        )
    assert "closure date" in _messages(error, "closed_on")
    case.refresh_from_db()
    assert case.outcome == "" and case.closed_on is None


def test_retained_closes_the_case(case, welfare_officer):
    services.welfare_case_close(
        actor=welfare_officer, case=case, outcome=Outcome.RETAINED, closed_on=date(2026, 2, 1)
    )
    case.refresh_from_db()
    assert case.status == "Closed" and case.outcome == "retained"
    with pytest.raises(ValidationError):
        services.welfare_contact_record(
            actor=welfare_officer, case=case, contact_on=date(2026, 2, 2), kind="phone", summary="x"
        )


def test_a_last_day_before_the_submitted_date_is_refused(on_probation, welfare_officer):
    with pytest.raises(ValidationError) as error:
        services.resignation_record(
            actor=welfare_officer,
            officer=on_probation,
            submitted_on=date(2026, 3, 10),
            last_day=date(2026, 3, 9),
        )
    assert "cannot be before the date the resignation was submitted" in _messages(error, "last_day")
    assert not Resignation.objects.exists()
    assert not WelfareCase.objects.exists()


def test_a_resignation_opens_a_case_with_its_themes_and_resigning_records_the_last_day(
    on_probation, welfare_officer
):
    resignation = services.resignation_record(
        actor=welfare_officer,
        officer=on_probation,
        submitted_on=date(2026, 3, 10),
        notice_days=28,
        themes=["role"],
    )
    case = resignation.case
    assert case.how_opened == "resignation" and resignation.during_probation
    assert list(case.themes.values_list("theme", flat=True)) == ["role"]
    with pytest.raises(ValidationError) as error:
        services.welfare_case_close(
            actor=welfare_officer, case=case, outcome=Outcome.RETAINED, closed_on=date(2026, 3, 20)
        )
    assert "withdrawal" in _messages(error, "outcome")
    services.welfare_case_close(
        actor=welfare_officer, case=case, outcome=Outcome.RESIGNED, closed_on=date(2026, 3, 20)
    )
    officer = User.objects.get(pk=on_probation.pk)
    assert officer.leave_date == date(2026, 4, 7)


def test_a_withdrawn_resignation_lets_the_case_close_as_retained(on_probation, welfare_officer):
    resignation = services.resignation_record(
        actor=welfare_officer, officer=on_probation, submitted_on=date(2026, 3, 10)
    )
    services.resignation_withdraw(
        actor=welfare_officer, resignation=resignation, withdrawn_on=date(2026, 3, 12)
    )
    with pytest.raises(ValidationError):
        services.welfare_case_close(
            actor=welfare_officer,
            case=resignation.case,
            outcome=Outcome.RESIGNED,
            closed_on=date(2026, 3, 13),
        )
    services.welfare_case_close(
        actor=welfare_officer,
        case=resignation.case,
        outcome=Outcome.RETAINED,
        closed_on=date(2026, 3, 13),
    )
    assert User.objects.get(pk=on_probation.pk).leave_date is None


def _reg13_to_decision(officer, actor, decision):
    reg13 = services.reg13_open(
        actor=actor, officer=officer, referred_on=date(2026, 1, 5), grounds="Failed exams twice."
    )
    for stage, day in [
        (Reg13Stage.ACTION_PLAN, date(2026, 1, 12)),
        (Reg13Stage.CASE_CONFERENCE, date(2026, 3, 2)),
    ]:
        services.reg13_advance(actor=actor, reg13=reg13, stage=stage, reached_on=day)
    return services.reg13_advance(
        actor=actor,
        reg13=reg13,
        stage=Reg13Stage.DECISION,
        reached_on=date(2026, 3, 9),
        decision=decision,
    )


def test_reg13_stages_go_in_order(on_probation, welfare_officer):
    reg13 = services.reg13_open(
        actor=welfare_officer, officer=on_probation, referred_on=date(2026, 1, 5), grounds="x"
    )
    with pytest.raises(ValidationError) as error:
        services.reg13_advance(
            actor=welfare_officer,
            reg13=reg13,
            stage=Reg13Stage.DECISION,
            reached_on=date(2026, 1, 6),
            decision="dispense",
        )
    assert "next stage" in _messages(error, "stage")
    with pytest.raises(ValidationError):
        services.reg13_advance(
            actor=welfare_officer,
            reg13=reg13,
            stage=Reg13Stage.ACTION_PLAN,
            reached_on=date(2026, 1, 1),
        )


def test_reg13_notice_follows_only_a_decision_to_dispense(on_probation, welfare_officer):
    reg13 = _reg13_to_decision(on_probation, welfare_officer, "retain")
    with pytest.raises(ValidationError):
        services.reg13_advance(
            actor=welfare_officer,
            reg13=reg13,
            stage=Reg13Stage.NOTICE,
            reached_on=date(2026, 3, 10),
        )


def test_dispensing_under_reg13_gives_a_months_notice_and_closes_the_case(
    on_probation, welfare_officer, case
):
    reg13 = _reg13_to_decision(on_probation, welfare_officer, "dispense")
    with pytest.raises(ValidationError) as error:
        services.reg13_advance(
            actor=welfare_officer,
            reg13=reg13,
            stage=Reg13Stage.NOTICE,
            reached_on=date(2026, 3, 10),
            notice_ends_on=date(2026, 3, 31),
        )
    assert "one month" in _messages(error, "notice_ends_on")
    reg13 = services.reg13_advance(
        actor=welfare_officer, reg13=reg13, stage=Reg13Stage.NOTICE, reached_on=date(2026, 3, 10)
    )
    assert reg13.notice_ends_on == date(2026, 4, 10)
    services.welfare_case_close(
        actor=welfare_officer, case=case, outcome=Outcome.DISPENSED, closed_on=date(2026, 3, 11)
    )
    assert User.objects.get(pk=on_probation.pk).leave_date == date(2026, 4, 10)


def test_only_a_welfare_officer_can_be_assigned(case, colleague, welfare_officer):
    with pytest.raises(ValidationError) as error:
        services.welfare_case_assign(actor=welfare_officer, case=case, assigned_to=colleague)
    assert "welfare officer" in _messages(error, "assigned_to")
    case.refresh_from_db()
    assert case.assigned_to == welfare_officer


def test_a_contact_before_the_notification_or_in_the_future_is_refused(case, welfare_officer):
    for day in (date(2026, 1, 4), date.today() + timedelta(days=1)):
        with pytest.raises(ValidationError) as error:
            services.welfare_contact_record(
                actor=welfare_officer, case=case, contact_on=day, kind="phone", summary="x"
            )
        assert error.value.message_dict["contact_on"]
    assert not ContactLogEntry.objects.exists()


def test_a_resignation_after_confirmation_is_not_during_probation(on_probation, welfare_officer):
    people_services.probation_confirm(
        actor=welfare_officer, probation=on_probation.probation, confirmed_on=date(2026, 2, 1)
    )
    resignation = services.resignation_record(
        actor=welfare_officer, officer=on_probation, submitted_on=date(2026, 3, 2)
    )
    assert not resignation.during_probation


def test_a_second_resignation_on_the_open_case_is_refused(on_probation, welfare_officer):
    services.resignation_record(
        actor=welfare_officer, officer=on_probation, submitted_on=date(2026, 3, 2)
    )
    with pytest.raises(ValidationError):
        services.resignation_record(
            actor=welfare_officer, officer=on_probation, submitted_on=date(2026, 3, 3)
        )
    assert Resignation.objects.count() == 1


def test_reg13_needs_an_unconfirmed_probation(on_probation, welfare_officer):
    people_services.probation_confirm(
        actor=welfare_officer, probation=on_probation.probation, confirmed_on=date(2026, 2, 1)
    )
    with pytest.raises(ValidationError):
        services.reg13_open(
            actor=welfare_officer, officer=on_probation, referred_on=date(2026, 3, 2), grounds="x"
        )


def test_a_reg13_referral_links_to_the_open_welfare_case(case, welfare_officer):
    reg13 = services.reg13_open(
        actor=welfare_officer, officer=case.officer, referred_on=date(2026, 1, 6), grounds="x"
    )
    assert reg13.welfare_case == case
