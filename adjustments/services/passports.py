"""Passports, their adjustments, consent and Access to Work."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction

from adjustments.models import (
    SNAPSHOT_FIELDS,
    AccessToWork,
    Adjustment,
    ManagerConsent,
    Passport,
    PassportVersion,
)
from adjustments.permissions import live_consents
from adjustments.services._common import (
    add_months,
    expect,
    not_in_future,
    now,
    timeline,
    today,
)
from core.concurrency import save_versioned
from people.models import User
from people.permissions import require

OWNER_SECTIONS = (
    "about_me",
    "conditions",
    "conditions_visibility",
    "impact",
    "good_day",
    "bad_day",
    "advice_occupational_health",
    "advice_access_to_work",
    "advice_notes",
)
FIRST_REVIEW_MONTHS = 6
LATER_REVIEW_MONTHS = 12
REMINDER_DAYS = 14

S = Passport.Status
A = Adjustment.Status


def _locked(passport: Passport) -> Passport:
    return Passport.objects.select_for_update().select_related("owner").get(pk=passport.pk)


def _check_review_date(review_date: date) -> None:
    if review_date < today():
        raise ValidationError(
            {"review_date": "The review date cannot be in the past: choose today or later."}
        )


def new_passport(*, actor, owner: User, review_date: date | None = None, **sections) -> Passport:
    """Create a draft passport without a permission check (for the services that open one
    on someone's behalf: a joiner's need, a dyslexia outcome)."""
    review_date = review_date or add_months(today(), FIRST_REVIEW_MONTHS)
    _check_review_date(review_date)
    if Passport.objects.filter(owner=owner).exclude(status=S.CLOSED).exists():
        raise ValidationError("This colleague already has an open passport: update that one.")
    passport = Passport(owner=owner, review_date=review_date, **sections)
    passport.full_clean()
    passport.save()
    timeline(passport, actor, "passport.created", "Passport started")
    return passport


@transaction.atomic
def passport_create(*, actor, owner: User, review_date: date | None = None, **sections) -> Passport:
    """Start a colleague's passport (the colleague, or an RA officer for them).

    The first review is 6 months on unless `review_date` is given. Raises ValidationError
    for a review date in the past or a second open passport; PermissionDenied otherwise.
    """
    require(actor, "adjustments.passport.create", owner)
    unknown = set(sections) - set(OWNER_SECTIONS)
    if unknown:
        raise ValidationError(f"These cannot be set here: {', '.join(sorted(unknown))}.")
    return new_passport(actor=actor, owner=owner, review_date=review_date, **sections)


@transaction.atomic
def passport_update(
    *, actor, passport: Passport, version: int | None = None, **sections
) -> Passport:
    """The owner changes their own sections. Submitting again makes a new version.

    Raises StaleEdit if the passport was saved since `version` (the one the form was loaded at).
    """
    passport = _locked(passport)
    expected = passport.version if version is None else version
    require(actor, "adjustments.passport.edit", passport)
    unknown = set(sections) - set(OWNER_SECTIONS)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    for field, value in sections.items():
        setattr(passport, field, value)
    passport.full_clean()
    save_versioned(passport, expected_version=expected, fields=list(sections))
    timeline(passport, actor, "passport.updated", "Colleague updated their sections")
    return passport


@transaction.atomic
def passport_submit(*, actor, passport: Passport) -> Passport:
    """The owner sends the passport (a new version) to the RA officers' queue."""
    passport = _locked(passport)
    require(actor, "adjustments.passport.edit", passport)
    expect(passport, S.DRAFT, S.ACTIVE, doing="submit this passport")
    if not (passport.conditions.strip() or passport.impact.strip()):
        raise ValidationError(
            {"impact": "Say something about your conditions or their impact before submitting."}
        )
    passport.submitted_version += 1
    PassportVersion.objects.create(
        passport=passport,
        number=passport.submitted_version,
        content={field: getattr(passport, field) for field in SNAPSHOT_FIELDS},
        submitted_by=actor,
    )
    passport.status = S.SUBMITTED
    passport.submitted_at = now()
    passport.acknowledged_at = None
    passport.full_clean()
    passport.save()
    timeline(
        passport, actor, "passport.submitted", f"Version {passport.submitted_version} submitted"
    )
    return passport


@transaction.atomic
def passport_take(*, actor, passport: Passport) -> Passport:
    """An RA officer takes a submitted passport: it is acknowledged and theirs to process."""
    require(actor, "adjustments.passport.process", passport)
    passport = _locked(passport)
    expect(passport, S.SUBMITTED, doing="take this passport")
    passport.status = S.IN_REVIEW
    passport.ra_officer = actor
    passport.acknowledged_at = now()
    passport.save()
    timeline(passport, actor, "passport.taken", f"Taken by {actor.get_full_name()}")
    return passport


@transaction.atomic
def passport_section_4_1(*, actor, passport: Passport, text: str) -> Passport:
    """The colleague's current line manager, with consent, writes section 4.1."""
    passport = _locked(passport)
    require(actor, "adjustments.passport.section_4_1", passport)
    if not text.strip():
        raise ValidationError({"section_4_1": "Write your comments for section 4.1."})
    passport.section_4_1 = text.strip()
    passport.section_4_1_by = actor
    passport.section_4_1_at = now()
    passport.save()
    timeline(passport, actor, "passport.section_4_1", "Line manager wrote section 4.1")
    return passport


@transaction.atomic
def passport_recommend(*, actor, passport: Passport, recommendations: str) -> Passport:
    """An RA officer records their recommendations."""
    require(actor, "adjustments.passport.process", passport)
    passport = _locked(passport)
    expect(passport, S.SUBMITTED, S.IN_REVIEW, S.ACTIVE, doing="add recommendations")
    if not recommendations.strip():
        raise ValidationError({"recommendations": "Write the recommendations."})
    passport.recommendations = recommendations.strip()
    passport.save()
    timeline(passport, actor, "passport.recommended", "RA officer recorded recommendations")
    return passport


@transaction.atomic
def passport_activate(*, actor, passport: Passport, review_date: date | None = None) -> Passport:
    """An RA officer finishes processing: the passport is active until its review date
    (6 months on unless given)."""
    require(actor, "adjustments.passport.process", passport)
    passport = _locked(passport)
    expect(passport, S.IN_REVIEW, doing="make this passport active")
    passport.review_date = review_date or add_months(today(), FIRST_REVIEW_MONTHS)
    _check_review_date(passport.review_date)
    passport.status = S.ACTIVE
    passport.activated_at = now()
    passport.review_reminder_sent_on = None
    passport.save()
    timeline(
        passport, actor, "passport.activated", f"Active; review due {passport.review_date:%d/%m/%Y}"
    )
    return passport


@transaction.atomic
def passport_review(*, actor, passport: Passport, notes: str = "") -> Passport:
    """An RA officer holds the review: the next one is a year on."""
    require(actor, "adjustments.passport.process", passport)
    passport = _locked(passport)
    expect(passport, S.ACTIVE, doing="review this passport")
    passport.reviews_held += 1
    passport.review_date = add_months(today(), LATER_REVIEW_MONTHS)
    passport.review_reminder_sent_on = None
    passport.save()
    text = f"Review held; next review {passport.review_date:%d/%m/%Y}"
    timeline(passport, actor, "passport.reviewed", f"{text}. {notes.strip()}".strip(". "))
    return passport


@transaction.atomic
def passport_close(*, actor, passport: Passport, reason: str) -> Passport:
    """The owner or an RA officer closes the passport (it stays readable)."""
    passport = _locked(passport)
    require(actor, "adjustments.passport.close", passport)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the passport is being closed."})
    passport.status = S.CLOSED
    passport.closed_at = now()
    passport.save()
    timeline(passport, actor, "passport.closed", f"Closed: {reason.strip()}")
    return passport


@transaction.atomic
def passport_consent_give(*, actor, passport: Passport) -> ManagerConsent:
    """The owner lets their current line manager see the passport. A later manager needs
    consent of their own."""
    passport = _locked(passport)
    if actor.pk != passport.owner_id:
        raise ValidationError("Only the colleague can give consent.")
    manager = passport.owner.line_manager
    if manager is None:
        raise ValidationError("You have no line manager recorded to share your passport with.")
    live = live_consents(manager).filter(passport=passport).first()
    if live is not None:
        return live
    # an outlived consent to the same manager (they managed the colleague before) ends here
    passport.consents.filter(manager=manager, withdrawn_at__isnull=True).update(withdrawn_at=now())
    consent = ManagerConsent(passport=passport, manager=manager, given_at=now(), given_on=today())
    consent.full_clean()
    consent.save()
    timeline(passport, actor, "consent.given", f"Shared with {manager.get_full_name()}")
    return consent


@transaction.atomic
def passport_consent_withdraw(*, actor, passport: Passport) -> int:
    """The owner withdraws every consent they have given. Returns how many were live."""
    passport = _locked(passport)
    if actor.pk != passport.owner_id:
        raise ValidationError("Only the colleague can withdraw consent.")
    count = passport.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now())
    if count:
        timeline(passport, actor, "consent.withdrawn", "Consent for managers withdrawn")
    return count


def passport_review_reminders(*, on: date | None = None) -> int:
    """Email the owner and RA officer of each active passport whose review is due within
    14 days and not yet reminded; safe to run twice. Returns the number reminded."""
    on = on or today()
    due = Passport.objects.filter(
        status=S.ACTIVE,
        review_date__lte=on + timedelta(days=REMINDER_DAYS),
        review_reminder_sent_on__isnull=True,
    ).select_related("owner", "ra_officer")
    count = 0
    for passport in due:
        with transaction.atomic():
            if Passport.objects.filter(pk=passport.pk).update(review_reminder_sent_on=on):
                _send_review_reminder(passport)
                timeline(passport, None, "passport.review_reminder", "Review reminder sent")
                count += 1
    return count


def _send_review_reminder(passport: Passport) -> None:
    recipients = [u.email for u in (passport.owner, passport.ra_officer) if u and u.email]
    if not recipients:
        return
    transaction.on_commit(
        lambda: send_mail(
            "An adjustment passport review is due",
            f"A reasonable adjustment passport is due for review on "
            f"{passport.review_date:%d/%m/%Y}. Open it in Peel to arrange the review.",
            settings.DEFAULT_FROM_EMAIL,
            recipients,
            fail_silently=True,
        )
    )


# Adjustments ---------------------------------------------------------------------------


def _locked_adjustment(adjustment: Adjustment) -> Adjustment:
    return (
        Adjustment.objects.select_for_update()
        .select_related("passport__owner")
        .get(pk=adjustment.pk)
    )


@transaction.atomic
def adjustment_request(
    *,
    actor,
    passport: Passport,
    description: str,
    kind: str,
    cost: Decimal = Decimal("0"),
    funder: str = Adjustment.Funder.FORCE,
    requested_on: date | None = None,
) -> Adjustment:
    """Ask for an adjustment on an open passport (the owner or an RA officer).

    Raises ValidationError for a negative cost or a future request date.
    """
    require(actor, "adjustments.adjustment.request", passport)
    adjustment = Adjustment(
        passport=passport,
        description=description.strip(),
        kind=kind,
        cost=cost,
        funder=funder,
        requested_on=requested_on or today(),
    )
    adjustment.full_clean()
    adjustment.save()
    timeline(
        passport,
        actor,
        "adjustment.requested",
        f"Requested ({adjustment.requested_on:%d/%m/%Y}): {adjustment.description}",
    )
    return adjustment


def _decide(adjustment: Adjustment, actor, decided_on: date | None) -> date:
    require(actor, "adjustments.adjustment.decide", adjustment)
    expect(adjustment, A.REQUESTED, doing="decide this adjustment")
    decided_on = decided_on or today()
    not_in_future(decided_on, "decided_on", "decision date")
    if decided_on < adjustment.requested_on:
        raise ValidationError({"decided_on": "The decision cannot come before the request."})
    return decided_on


@transaction.atomic
def adjustment_agree(
    *, actor, adjustment: Adjustment, decided_on: date | None = None
) -> Adjustment:
    """Only an RA officer agrees an adjustment."""
    adjustment = _locked_adjustment(adjustment)
    adjustment.decided_on = _decide(adjustment, actor, decided_on)
    adjustment.status = A.AGREED
    adjustment.decided_by = actor
    adjustment.full_clean()
    adjustment.save()
    timeline(
        adjustment.passport,
        actor,
        "adjustment.agreed",
        f"Agreed ({adjustment.decided_on:%d/%m/%Y}): {adjustment}",
    )
    return adjustment


@transaction.atomic
def adjustment_decline(
    *, actor, adjustment: Adjustment, category: str, reason: str, decided_on: date | None = None
) -> Adjustment:
    """Only an RA officer declines an adjustment, and never without a reason."""
    adjustment = _locked_adjustment(adjustment)
    decided = _decide(adjustment, actor, decided_on)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = "Give the reason for declining: the colleague will read it."
    if category not in Adjustment.DeclineCategory.values:
        errors["category"] = "Choose what kind of reason it is."
    if errors:
        raise ValidationError(errors)
    adjustment.status = A.DECLINED
    adjustment.decided_on, adjustment.decided_by = decided, actor
    adjustment.decline_category, adjustment.decline_reason = category, reason.strip()
    adjustment.full_clean()
    adjustment.save()
    timeline(
        adjustment.passport,
        actor,
        "adjustment.declined",
        f"Declined ({adjustment.decided_on:%d/%m/%Y}): {adjustment}",
    )
    return adjustment


@transaction.atomic
def adjustment_in_place(
    *, actor, adjustment: Adjustment, in_place_on: date | None = None
) -> Adjustment:
    """An RA officer records that an agreed adjustment is in place."""
    adjustment = _locked_adjustment(adjustment)
    require(actor, "adjustments.adjustment.decide", adjustment)
    expect(adjustment, A.AGREED, doing="mark this adjustment in place")
    adjustment.in_place_on = in_place_on or today()
    not_in_future(adjustment.in_place_on, "in_place_on", "date it was put in place")
    if adjustment.in_place_on < adjustment.decided_on:
        raise ValidationError({"in_place_on": "It cannot be in place before it was agreed."})
    adjustment.status = A.IN_PLACE
    adjustment.full_clean()
    adjustment.save()
    days = adjustment.days_to_in_place
    timeline(
        adjustment.passport,
        actor,
        "adjustment.in_place",
        f"In place ({adjustment.in_place_on:%d/%m/%Y}, {days} days): {adjustment}",
    )
    return adjustment


@transaction.atomic
def adjustment_end(*, actor, adjustment: Adjustment, ended_on: date | None = None) -> Adjustment:
    """The owner or an RA officer records that an adjustment in place has ended."""
    adjustment = _locked_adjustment(adjustment)
    require(actor, "adjustments.adjustment.end", adjustment)
    expect(adjustment, A.IN_PLACE, doing="end this adjustment")
    adjustment.ended_on = ended_on or today()
    if adjustment.ended_on < adjustment.in_place_on:
        raise ValidationError({"ended_on": "It cannot end before it was in place."})
    adjustment.status = A.ENDED
    adjustment.full_clean()
    adjustment.save()
    timeline(
        adjustment.passport,
        actor,
        "adjustment.ended",
        f"Ended ({adjustment.ended_on:%d/%m/%Y}): {adjustment}",
    )
    return adjustment


# Access to Work ------------------------------------------------------------------------

ATW_FIELDS = (
    "reference",
    "status",
    "applied_on",
    "assessment_on",
    "assessment_notes",
    "award_amount",
    "award_on",
    "employer_share",
    "review_on",
)


def _atw_status(application: AccessToWork) -> None:
    if application.award_amount is not None and application.status in (
        AccessToWork.Status.APPLIED,
        AccessToWork.Status.ASSESSED,
    ):
        application.status = AccessToWork.Status.AWARDED
    if application.status == AccessToWork.Status.AWARDED and application.award_on is None:
        raise ValidationError({"award_on": "Give the date of the award."})


@transaction.atomic
def access_to_work_record(*, actor, passport: Passport, applied_on: date, **fields) -> AccessToWork:
    """Record a colleague's Access to Work application (the owner or an RA officer).

    Raises ValidationError for an award without a reference, negative money, or dates out
    of order.
    """
    require(actor, "adjustments.adjustment.request", passport)
    unknown = set(fields) - set(ATW_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be set here: {', '.join(sorted(unknown))}.")
    not_in_future(applied_on, "applied_on", "application date")
    application = AccessToWork(passport=passport, applied_on=applied_on, **fields)
    _atw_status(application)
    application.full_clean()
    application.save()
    timeline(passport, actor, "access_to_work.recorded", "Access to Work application recorded")
    return application


@transaction.atomic
def access_to_work_update(*, actor, application: AccessToWork, **fields) -> AccessToWork:
    """An RA officer records progress: assessment, award, employer share, review date."""
    application = AccessToWork.objects.select_for_update().get(pk=application.pk)
    require(actor, "adjustments.passport.process", application.passport)
    unknown = set(fields) - set(ATW_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    for field, value in fields.items():
        setattr(application, field, value)
    _atw_status(application)
    application.full_clean()
    application.save()
    timeline(
        application.passport,
        actor,
        "access_to_work.updated",
        f"Access to Work {application.get_status_display().lower()}",
    )
    return application
