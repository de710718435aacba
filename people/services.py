"""Writes to colleagues, their employment history, equality information and probation."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import audit_action
from people.models import (
    Department,
    EmploymentRecord,
    EqualityMonitoring,
    PersonType,
    Probation,
    ProbationExtension,
    Rank,
    User,
    probation_years,
)

HISTORY_FIELDS = ("person_type", "rank", "grade", "department", "line_manager")


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def person_create(
    *,
    actor,
    staff_number: str,
    first_name: str,
    last_name: str,
    email: str = "",
    person_type: str = PersonType.POLICE_STAFF,
    rank: str = "",
    grade: str = "",
    department: Department | None = None,
    line_manager: User | None = None,
    entry_route: str = "",
    start_date: date | None = None,
    password: str | None = None,
) -> User:
    """Create a colleague and the first row of their employment history.

    Raises ValidationError for bad input (duplicate staff number, leave before start...).
    """
    person = User(
        staff_number=staff_number.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        person_type=person_type,
        rank=rank,
        grade=grade,
        department=department,
        line_manager=line_manager,
        entry_route=entry_route,
        start_date=start_date,
    )
    person.set_password(password)
    person.full_clean()
    person.save()
    EmploymentRecord.objects.create(
        person=person,
        valid_from=start_date or date.today(),
        reason="Joined",
        **{field: getattr(person, field) for field in HISTORY_FIELDS},
    )
    audit_action(actor=actor, action="people.person.created", obj=person)
    return person


@transaction.atomic
def person_change(*, actor, person: User, effective: date, reason: str = "", **changes) -> User:
    """Change a colleague's person type, rank, grade, department or line manager from
    `effective`, keeping the previous values as history.

    Raises ValidationError for an unknown field or a date before the current record began.
    """
    unknown = set(changes) - set(HISTORY_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    person = User.objects.select_for_update().get(pk=person.pk)
    for field, value in changes.items():
        setattr(person, field, value)
    person.full_clean()
    person.save()
    current = person.employment_history.filter(valid_to__isnull=True).first()
    if current and effective < current.valid_from:
        raise ValidationError(
            {
                "effective": "The change cannot take effect before the "
                f"current record began ({current.valid_from:%d/%m/%Y})."
            }
        )
    values = {field: getattr(person, field) for field in HISTORY_FIELDS}
    if current and current.valid_from == effective:
        EmploymentRecord.objects.filter(pk=current.pk).update(reason=reason, **values)
    else:
        if current:
            EmploymentRecord.objects.filter(pk=current.pk).update(valid_to=effective)
        EmploymentRecord.objects.create(
            person=person, valid_from=effective, reason=reason, **values
        )
    audit_action(
        actor=actor,
        action="people.person.changed",
        obj=person,
        data={"effective": effective.isoformat(), "fields": sorted(changes)},
    )
    return person


@transaction.atomic
def person_leave(*, actor, person: User, leave_date: date, reason: str = "Left") -> User:
    """Record a colleague's last day: their history ends and their account closes on it."""
    person = User.objects.select_for_update().get(pk=person.pk)
    person.leave_date = leave_date
    person.full_clean()
    if leave_date <= date.today():
        person.is_active = False
    person.save()
    end = leave_date + timedelta(days=1)
    current = person.employment_history.filter(valid_to__isnull=True).first()
    if current:
        EmploymentRecord.objects.filter(pk=current.pk).update(
            valid_to=max(end, current.valid_from + timedelta(days=1))
        )
    audit_action(
        actor=actor,
        action="people.person.left",
        obj=person,
        data={"leave_date": leave_date.isoformat(), "reason": reason},
    )
    return person


@transaction.atomic
def equality_record(*, actor, person: User, **answers) -> EqualityMonitoring:
    """Save a colleague's own equality answers (every answer optional)."""
    record, _ = EqualityMonitoring.objects.get_or_create(person=person)
    for field, value in answers.items():
        setattr(record, field, value or "")
    record.full_clean()
    record.save()
    audit_action(actor=actor, action="people.equality.recorded", obj=record)
    return record


@transaction.atomic
def probation_start(*, actor, officer: User, route: str, start_date: date) -> Probation:
    """Open a student officer's probation with the expected end their route gives."""
    probation = Probation(
        officer=officer,
        route=route,
        start_date=start_date,
        expected_end=_add_years(start_date, probation_years(route)),
    )
    probation.full_clean()
    probation.save()
    audit_action(actor=actor, action="people.probation.started", obj=probation)
    return probation


@transaction.atomic
def probation_extend(
    *,
    actor,
    probation: Probation,
    new_end: date,
    reason: str,
    approved_by: User,
    approved_on: date | None = None,
) -> ProbationExtension:
    """Extend a probation to `new_end`; a reason and an approver are required."""
    probation = Probation.objects.select_for_update().get(pk=probation.pk)
    if probation.confirmed_on:
        raise ValidationError("This probation has been confirmed and cannot be extended.")
    extension = ProbationExtension(
        probation=probation,
        previous_end=probation.expected_end,
        new_end=new_end,
        reason=reason.strip(),
        approved_by=approved_by,
        approved_on=approved_on or date.today(),
    )
    if new_end <= probation.expected_end:
        raise ValidationError(
            {
                "new_end": "The new end must be after the current expected end "
                f"({probation.expected_end:%d/%m/%Y})."
            }
        )
    extension.full_clean()
    extension.save()
    probation.expected_end = new_end
    probation.save(update_fields=["expected_end", "updated_at"])
    audit_action(
        actor=actor,
        action="people.probation.extended",
        obj=probation,
        data={"new_end": new_end.isoformat()},
    )
    return extension


@transaction.atomic
def probation_confirm(*, actor, probation: Probation, confirmed_on: date) -> Probation:
    """Confirm a student officer in their rank: probation is complete."""
    probation.confirmed_on = confirmed_on
    probation.full_clean()
    probation.save(update_fields=["confirmed_on", "updated_at"])
    audit_action(actor=actor, action="people.probation.confirmed", obj=probation)
    return probation


@transaction.atomic
def student_officer_create(
    *,
    actor,
    staff_number: str,
    first_name: str,
    last_name: str,
    email: str,
    route: str,
    start_date: date,
    department: Department | None = None,
    line_manager: User | None = None,
) -> User:
    """Create a student officer (a constable on `route`) with their probation from `start_date`.

    Used by recruitment when a candidate starts in an intake.
    """
    officer = person_create(
        actor=actor,
        staff_number=staff_number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.CONSTABLE,
        department=department,
        line_manager=line_manager,
        entry_route=route,
        start_date=start_date,
    )
    probation_start(actor=actor, officer=officer, route=route, start_date=start_date)
    return officer


@transaction.atomic
def person_details_correct(*, actor, person: User, **details) -> User:
    """Correct a colleague's name, email or entry route (corrections, not history).

    Raises ValidationError for bad values.
    """
    person = User.objects.select_for_update().get(pk=person.pk)
    for name, value in details.items():
        setattr(person, name, value)
    person.full_clean(exclude=["password"])
    person.save(update_fields=[*details])
    audit_action(
        actor=actor, action="people.person.corrected", obj=person, data={"fields": sorted(details)}
    )
    return person
