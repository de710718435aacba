"""Writes for welfare cases, resignations and Regulation 13 cases.

Every service is atomic, validates with full_clean() and records its audit action. Errors are
ValidationError with the field that is wrong, so forms can show the message beside it.
"""

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.audit import audit_action
from core.concurrency import save_versioned
from core.periods import add_working_days
from core.settings_store import get_setting
from people.models import Probation, User
from people.permissions import has_role, is_line_manager_of
from people.roles import Role
from people.services import person_leave
from welfare.models import (
    CONTACT_KINDS,
    LEAVING_OUTCOMES,
    REG13_ORDER,
    CaseTheme,
    ContactLogEntry,
    HowOpened,
    Outcome,
    Reg13Case,
    Reg13Decision,
    Reg13Stage,
    Reg13StageRecord,
    Resignation,
    SupportOffered,
    WelfareCase,
)

FIRST_CONTACT_SETTING = "welfare-first-contact-working-days"
FIRST_CONTACT_DEFAULT = 2
DEFAULT_NOTICE_DAYS = 28


def first_contact_target() -> int:
    """Working days allowed from notification to first contact (admin setting, default 2)."""
    return int(get_setting(FIRST_CONTACT_SETTING, FIRST_CONTACT_DEFAULT))


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _probation_of(officer: User) -> Probation:
    probation = Probation.objects.filter(officer=officer).first()
    if probation is None:
        raise ValidationError(
            {"officer": "Welfare cases are for student officers: this colleague has no probation."}
        )
    return probation


def _open_case_of(officer: User) -> WelfareCase | None:
    return WelfareCase.objects.select_for_update().filter(officer=officer, closed_on=None).first()


def _not_in_future(field: str, day: date) -> None:
    if day > date.today():
        raise ValidationError({field: "This date is in the future."})


@transaction.atomic
def welfare_case_open(
    *,
    actor,
    officer: User,
    how_opened: str,
    notified_on: date,
    concern: str = "",
    raised_by: User | None = None,
    assigned_to: User | None = None,
) -> WelfareCase:
    """Open a case for a student officer, with the first-contact date due by the target.

    Raises ValidationError when the colleague has no probation or already has an open case.
    """
    _probation_of(officer)
    _not_in_future("notified_on", notified_on)
    existing = _open_case_of(officer)
    if existing is not None:
        raise ValidationError(
            {"officer": f"This officer already has an open welfare case (number {existing.pk})."}
        )
    case = WelfareCase(
        officer=officer,
        how_opened=how_opened,
        notified_on=notified_on,
        concern=concern.strip(),
        raised_by=raised_by,
        assigned_to=assigned_to,
        first_contact_due=add_working_days(notified_on, first_contact_target()),
    )
    _check_welfare_officer(assigned_to)
    case.full_clean()
    case.save()
    audit_action(
        actor=actor, action="welfare.case.opened", obj=case, data={"how_opened": how_opened}
    )
    return case


def _check_welfare_officer(person: User | None) -> None:
    if person is not None and not has_role(person, Role.WELFARE_OFFICER):
        raise ValidationError({"assigned_to": "Cases can only be assigned to a welfare officer."})


@transaction.atomic
def welfare_concern_raise(
    *, manager: User, officer: User, concern: str, noticed_on: date | None = None
) -> WelfareCase:
    """A line manager asks the welfare team for help with one of their own student officers.

    Opens a case, or adds the concern to the officer's open case as a note. Raises
    PermissionDenied when the officer is not the manager's report, ValidationError for an empty
    concern or a colleague without probation.
    """
    if not is_line_manager_of(manager, officer):
        raise PermissionDenied
    if not concern.strip():
        raise ValidationError({"concern": "Tell the welfare team what you have noticed."})
    noticed_on = noticed_on or date.today()
    existing = _open_case_of(officer)
    if existing is None:
        return welfare_case_open(
            actor=manager,
            officer=officer,
            how_opened=HowOpened.LINE_MANAGER,
            notified_on=noticed_on,
            concern=concern,
            raised_by=manager,
        )
    note = ContactLogEntry(
        case=existing,
        contact_on=max(noticed_on, existing.notified_on),
        kind="note",
        summary=f"Further concern from the line manager: {concern.strip()}",
        recorded_by=manager,
    )
    note.full_clean()
    note.save()
    if existing.raised_by_id is None:
        existing.raised_by = manager
        existing.save(update_fields=["raised_by", "updated_at"])
    audit_action(actor=manager, action="welfare.case.concern_added", obj=existing)
    return existing


@transaction.atomic
def welfare_case_assign(
    *, actor, case: WelfareCase, assigned_to: User, version: int | None = None
) -> WelfareCase:
    """Give an open case to a welfare officer. Raises ValidationError otherwise, StaleEdit if
    someone saved the case since `version` (the one the form was loaded at)."""
    case = WelfareCase.objects.select_for_update().get(pk=case.pk)
    expected = case.version if version is None else version
    _check_welfare_officer(assigned_to)
    case.assigned_to = assigned_to
    save_versioned(case, expected_version=expected, fields=["assigned_to"])
    audit_action(
        actor=actor,
        action="welfare.case.assigned",
        obj=case,
        data={"assigned_to": assigned_to.pk},
    )
    return case


def _require_open(case: WelfareCase) -> None:
    if not case.is_open:
        raise ValidationError("This case is closed.")


@transaction.atomic
def welfare_contact_record(
    *,
    actor,
    case: WelfareCase,
    contact_on: date,
    kind: str,
    summary: str,
    follow_up_due: date | None = None,
) -> ContactLogEntry:
    """Add to the contact log; the first contact with the student sets first_contact_on."""
    case = WelfareCase.objects.select_for_update().get(pk=case.pk)
    _require_open(case)
    _not_in_future("contact_on", contact_on)
    if contact_on < case.notified_on:
        raise ValidationError(
            {"contact_on": f"The case opened on {case.notified_on:%d/%m/%Y}; date it after that."}
        )
    entry = ContactLogEntry(
        case=case,
        contact_on=contact_on,
        kind=kind,
        summary=summary.strip(),
        follow_up_due=follow_up_due,
        recorded_by=actor,
    )
    entry.full_clean()
    entry.save()
    if kind in CONTACT_KINDS and (
        case.first_contact_on is None or contact_on < case.first_contact_on
    ):
        case.first_contact_on = contact_on
        case.save(update_fields=["first_contact_on", "updated_at"])
    audit_action(actor=actor, action="welfare.contact.recorded", obj=case, data={"kind": kind})
    return entry


def _other_needs_notes(chosen: Iterable[str], notes: str, field: str) -> None:
    if "other" in chosen and not notes.strip():
        raise ValidationError({field: "You chose 'Other': say what it is in the notes."})


@transaction.atomic
def welfare_support_record(
    *,
    actor,
    case: WelfareCase,
    kinds: Iterable[str],
    offered_on: date,
    notes: str = "",
    version: int | None = None,
) -> WelfareCase:
    """Set the support offered: new kinds are dated `offered_on`, kept kinds keep their date.

    Raises StaleEdit (nothing saved) if someone saved the case since `version`."""
    case = WelfareCase.objects.select_for_update().get(pk=case.pk)
    expected = case.version if version is None else version
    kinds = set(kinds)
    _other_needs_notes(kinds, notes, "support_notes")
    _not_in_future("offered_on", offered_on)
    case.support.exclude(kind__in=kinds).delete()
    have = set(case.support.values_list("kind", flat=True))
    for kind in sorted(kinds - have):
        offer = SupportOffered(case=case, kind=kind, offered_on=offered_on)
        offer.full_clean()
        offer.save()
    case.support_notes = notes.strip()
    save_versioned(case, expected_version=expected, fields=["support_notes"])
    audit_action(
        actor=actor, action="welfare.support.recorded", obj=case, data={"kinds": sorted(kinds)}
    )
    return case


@transaction.atomic
def welfare_themes_record(
    *, actor, case: WelfareCase, themes: Iterable[str], notes: str = ""
) -> WelfareCase:
    """Set the reasons the student gave for wanting to leave (several may apply)."""
    case = WelfareCase.objects.select_for_update().get(pk=case.pk)
    themes = set(themes)
    _other_needs_notes(themes, notes, "theme_notes")
    case.themes.exclude(theme__in=themes).delete()
    have = set(case.themes.values_list("theme", flat=True))
    for theme in sorted(themes - have):
        row = CaseTheme(case=case, theme=theme)
        row.full_clean()
        row.save()
    case.theme_notes = notes.strip()
    case.save(update_fields=["theme_notes", "updated_at"])
    audit_action(
        actor=actor, action="welfare.themes.recorded", obj=case, data={"themes": sorted(themes)}
    )
    return case


def _active_resignation(case: WelfareCase) -> Resignation | None:
    resignation = Resignation.objects.filter(case=case).first()
    return resignation if resignation and not resignation.withdrawn else None


def _last_day_for(case: WelfareCase, outcome: str) -> date | None:
    """The officer's last day that a leaving outcome implies; ValidationError if unknown."""
    if outcome == Outcome.DISPENSED:
        reg13 = Reg13Case.objects.filter(officer=case.officer, stage=Reg13Stage.NOTICE).first()
        if reg13 is None:
            raise ValidationError(
                {"outcome": "Record the Regulation 13 notice before closing the case this way."}
            )
        return reg13.notice_ends_on
    resignation = _active_resignation(case)
    if outcome in LEAVING_OUTCOMES and resignation is None:
        raise ValidationError(
            {
                "outcome": "Record the resignation before closing the case as resigned or "
                "transferred."
            }
        )
    if outcome not in LEAVING_OUTCOMES and resignation is not None:
        raise ValidationError(
            {"outcome": "The officer's resignation stands: record its withdrawal first."}
        )
    return resignation.last_day if resignation else None


@transaction.atomic
def welfare_case_close(
    *, actor, case: WelfareCase, outcome: str, closed_on: date | None, notes: str = ""
) -> WelfareCase:
    """Close a case with its outcome. A leaving outcome records the officer's last day.

    Raises ValidationError for an outcome without a closure date (or the reverse), a closure
    before the notification, or an outcome the records contradict.
    """
    case = WelfareCase.objects.select_for_update().select_related("officer").get(pk=case.pk)
    _require_open(case)
    case.outcome, case.closed_on, case.outcome_notes = outcome, closed_on, notes.strip()
    case.full_clean()
    if closed_on:
        _not_in_future("closed_on", closed_on)
    last_day = _last_day_for(case, outcome)
    case.save()
    if last_day and case.officer.leave_date is None:
        person_leave(actor=actor, person=case.officer, leave_date=last_day, reason=outcome)
    audit_action(actor=actor, action="welfare.case.closed", obj=case, data={"outcome": outcome})
    return case


def _during_probation(officer: User, day: date) -> bool:
    probation = Probation.objects.filter(officer=officer).first()
    if probation is None:
        return False
    confirmed = probation.confirmed_on is not None and probation.confirmed_on <= day
    return probation.start_date <= day and not confirmed


@transaction.atomic
def resignation_record(
    *,
    actor,
    officer: User,
    submitted_on: date,
    notice_days: int = DEFAULT_NOTICE_DAYS,
    last_day: date | None = None,
    themes: Iterable[str] = (),
    theme_notes: str = "",
) -> Resignation:
    """Record a student officer's resignation, opening a welfare case (or using the open one).

    Raises ValidationError for a last day before the submitted date, a colleague without
    probation, or a case that already has a resignation that stands.
    """
    last_day = last_day or submitted_on + timedelta(days=notice_days)
    case = _open_case_of(officer)
    if case is None:
        case = welfare_case_open(
            actor=actor,
            officer=officer,
            how_opened=HowOpened.RESIGNATION,
            notified_on=submitted_on,
        )
    elif Resignation.objects.filter(case=case).exists():
        raise ValidationError(
            {"submitted_on": "This officer's open case already has a resignation."}
        )
    resignation = Resignation(
        case=case,
        officer=officer,
        submitted_on=submitted_on,
        notice_days=notice_days,
        last_day=last_day,
        during_probation=_during_probation(officer, submitted_on),
    )
    resignation.full_clean()
    resignation.save()
    themes = set(themes)
    if themes:
        welfare_themes_record(
            actor=actor,
            case=case,
            themes=themes | set(case.themes.values_list("theme", flat=True)),
            notes=theme_notes or case.theme_notes,
        )
    audit_action(actor=actor, action="welfare.resignation.recorded", obj=resignation)
    return resignation


@transaction.atomic
def resignation_withdraw(*, actor, resignation: Resignation, withdrawn_on: date) -> Resignation:
    """The officer takes their resignation back."""
    resignation = Resignation.objects.select_for_update().get(pk=resignation.pk)
    if resignation.withdrawn:
        raise ValidationError({"withdrawn_on": "This resignation is already withdrawn."})
    resignation.withdrawn_on = withdrawn_on
    resignation.full_clean()
    resignation.save(update_fields=["withdrawn_on", "updated_at"])
    audit_action(actor=actor, action="welfare.resignation.withdrawn", obj=resignation)
    return resignation


@transaction.atomic
def reg13_open(
    *,
    actor,
    officer: User,
    referred_on: date,
    grounds: str,
    welfare_case: WelfareCase | None = None,
) -> Reg13Case:
    """Refer a student officer under Regulation 13 (stage one: referral), linked to their open
    welfare case unless another is given. Raises ValidationError after confirmation."""
    probation = _probation_of(officer)
    if probation.confirmed_on:
        raise ValidationError({"officer": "Regulation 13 applies only during probation."})
    reg13 = Reg13Case(
        officer=officer,
        welfare_case=welfare_case
        or WelfareCase.objects.filter(officer=officer, closed_on=None).first(),
        grounds=grounds.strip(),
        stage=Reg13Stage.REFERRAL,
    )
    reg13.full_clean()
    reg13.save()
    Reg13StageRecord.objects.create(
        reg13_case=reg13, stage=Reg13Stage.REFERRAL, reached_on=referred_on, recorded_by=actor
    )
    audit_action(actor=actor, action="welfare.reg13.opened", obj=reg13)
    return reg13


def _check_stage_step(reg13: Reg13Case, stage: str, reached_on: date) -> None:
    current = REG13_ORDER.index(reg13.stage)
    if current + 1 >= len(REG13_ORDER) or REG13_ORDER[current + 1] != stage:
        raise ValidationError(
            {"stage": f"After '{reg13.get_stage_display()}' comes the next stage, not this one."}
        )
    last = reg13.stages.order_by("-reached_on").first()
    if last and reached_on < last.reached_on:
        raise ValidationError(
            {"reached_on": f"The previous stage was on {last.reached_on:%d/%m/%Y}."}
        )


def _check_decision(reg13: Reg13Case, stage: str, decision: str, reached_on, notice_ends_on):
    if stage == Reg13Stage.DECISION and not decision:
        raise ValidationError({"decision": "Record the decision."})
    if stage == Reg13Stage.NOTICE:
        if reg13.decision != Reg13Decision.DISPENSE:
            raise ValidationError({"stage": "Notice follows only a decision to dispense."})
        earliest = add_months(reached_on, 1)
        if notice_ends_on < earliest:
            raise ValidationError(
                {"notice_ends_on": f"Notice is at least one month: not before {earliest:%d/%m/%Y}."}
            )


@transaction.atomic
def reg13_advance(
    *,
    actor,
    reg13: Reg13Case,
    stage: str,
    reached_on: date,
    notes: str = "",
    decision: str = "",
    notice_ends_on: date | None = None,
) -> Reg13Case:
    """Move a Regulation 13 case to its next stage; stages cannot be skipped or go backwards.

    The decision stage needs a decision; notice follows only a decision to dispense and lasts at
    least a month (default: exactly one month).
    """
    reg13 = Reg13Case.objects.select_for_update().get(pk=reg13.pk)
    _check_stage_step(reg13, stage, reached_on)
    if stage == Reg13Stage.NOTICE:
        notice_ends_on = notice_ends_on or add_months(reached_on, 1)
    _check_decision(reg13, stage, decision, reached_on, notice_ends_on)
    reg13.stage = stage
    if stage == Reg13Stage.DECISION:
        reg13.decision = decision
    if stage == Reg13Stage.NOTICE:
        reg13.notice_ends_on = notice_ends_on
    reg13.full_clean()
    reg13.save()
    Reg13StageRecord.objects.create(
        reg13_case=reg13, stage=stage, reached_on=reached_on, notes=notes.strip(), recorded_by=actor
    )
    audit_action(actor=actor, action="welfare.reg13.advanced", obj=reg13, data={"stage": stage})
    return reg13
