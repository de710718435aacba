"""Dyslexia self-referrals for joining student officers (board paper §45)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from adjustments.models import DyslexiaReferral, Passport
from adjustments.services._common import expect, not_in_future, timeline, today
from adjustments.services.passports import new_passport
from core.audit import audit_action
from people.models import CONSTABLE_ROUTES, User
from people.permissions import has_role, require
from people.roles import Role

R = DyslexiaReferral.Stage


def _locked(referral: DyslexiaReferral) -> DyslexiaReferral:
    return DyslexiaReferral.objects.select_for_update().select_related("person").get(pk=referral.pk)


def _save(referral: DyslexiaReferral, actor, action: str, **data) -> DyslexiaReferral:
    referral.full_clean()
    referral.save()
    audit_action(actor=actor, action=f"adjustments.referral.{action}", obj=referral, data=data)
    return referral


@transaction.atomic
def referral_send(*, actor, person: User, form_sent_on: date | None = None) -> DyslexiaReferral:
    """An RA officer records that the self-referral form went to a joining student officer.

    Raises ValidationError for someone who is not a student officer or already has one open.
    """
    require(actor, "adjustments.referral.manage")
    if person.entry_route not in CONSTABLE_ROUTES:
        raise ValidationError({"person": "The form goes to joining student officers only."})
    if DyslexiaReferral.objects.filter(person=person).exclude(stage=R.CLOSED).exists():
        raise ValidationError({"person": "This joiner already has an open referral."})
    form_sent_on = form_sent_on or today()
    not_in_future(form_sent_on, "form_sent_on", "date the form was sent")
    referral = DyslexiaReferral(person=person, form_sent_on=form_sent_on)
    return _save(referral, actor, "sent")


def referrals_send_to_joiners(*, actor, starting_from: date) -> int:
    """Send the form to every student officer starting on or after `starting_from` who has
    never had one. Safe to run twice. Returns how many were sent."""
    require(actor, "adjustments.referral.manage")
    joiners = User.objects.filter(
        entry_route__in=CONSTABLE_ROUTES, start_date__gte=starting_from, is_active=True
    ).exclude(dyslexia_referrals__isnull=False)
    count = 0
    for person in joiners:
        referral_send(actor=actor, person=person)
        count += 1
    return count


@transaction.atomic
def referral_decline(*, actor, referral: DyslexiaReferral, on: date | None = None):
    """The joiner (or an RA officer for them) declines: completing the form is their choice."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.answer", referral)
    expect(referral, R.SENT, field="stage", doing="record a decline")
    referral.declined_on = on or today()
    referral.stage = R.DECLINED
    return _save(referral, actor, "declined")


@transaction.atomic
def referral_return(*, actor, referral: DyslexiaReferral, on: date | None = None):
    """The joiner returned the completed form."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.answer", referral)
    expect(referral, R.SENT, field="stage", doing="record the form as returned")
    referral.returned_on = on or today()
    if referral.returned_on < referral.form_sent_on:
        raise ValidationError({"on": "The form cannot come back before it was sent."})
    referral.stage = R.RETURNED
    return _save(referral, actor, "returned")


@transaction.atomic
def referral_book_screening(
    *, actor, referral: DyslexiaReferral, assessor: User, screening_on: date
):
    """An RA officer books screening with an in-house assessor."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.manage", referral)
    expect(referral, R.RETURNED, field="stage", doing="book screening")
    if not has_role(assessor, Role.DYSLEXIA_ASSESSOR):
        raise ValidationError({"assessor": "Choose one of the in-house dyslexia assessors."})
    referral.assessor, referral.screening_on = assessor, screening_on
    referral.stage = R.SCREENING_BOOKED
    return _save(referral, actor, "screening_booked")


@transaction.atomic
def referral_record_screening(
    *, actor, referral: DyslexiaReferral, outcome: str, recommendations: str = ""
):
    """The assigned assessor records the screening outcome (indicative only)."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.assess", referral)
    expect(referral, R.SCREENING_BOOKED, field="stage", doing="record a screening outcome")
    if referral.screening_on > today():
        raise ValidationError({"outcome": "The screening has not happened yet."})
    referral.screening_outcome = outcome
    referral.recommendations = recommendations.strip()
    referral.assessed_on = referral.screening_on
    referral.stage = R.SCREENED
    _save(referral, actor, "screened", outcome=outcome)
    if outcome == DyslexiaReferral.Screening.INDICATIVE or referral.recommendations:
        _feed_passport(referral, actor, f"screening {referral.get_screening_outcome_display()}")
    return referral


@transaction.atomic
def referral_book_assessment(*, actor, referral: DyslexiaReferral, assessment_on: date):
    """The RA officer or the assessor books the diagnostic assessment after screening."""
    referral = _locked(referral)
    if not (has_role(actor, Role.RA_OFFICER) or referral.assessor_id == actor.pk):
        require(actor, "adjustments.referral.assess", referral)
    expect(referral, R.SCREENED, field="stage", doing="book an assessment")
    referral.assessment_on = assessment_on
    referral.stage = R.ASSESSMENT_BOOKED
    return _save(referral, actor, "assessment_booked")


@transaction.atomic
def referral_record_assessment(
    *, actor, referral: DyslexiaReferral, result: str, recommendations: str
):
    """The assigned (qualified) assessor records the diagnostic result and recommendations."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.assess", referral)
    expect(referral, R.ASSESSMENT_BOOKED, field="stage", doing="record an assessment")
    if referral.assessment_on > today():
        raise ValidationError({"result": "The assessment has not happened yet."})
    if not recommendations.strip():
        raise ValidationError({"recommendations": "Write the recommendations, or 'none'."})
    referral.diagnostic_result = result
    referral.recommendations = recommendations.strip()
    referral.assessed_on = referral.assessment_on
    referral.stage = R.ASSESSED
    _save(referral, actor, "assessed", result=result)
    _feed_passport(referral, actor, f"assessment: {referral.get_diagnostic_result_display()}")
    return referral


@transaction.atomic
def referral_risk_assessment(*, actor, referral: DyslexiaReferral, on: date):
    """An RA officer records the date the risk assessment was put in place."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.manage", referral)
    not_in_future(on, "on", "risk assessment date")
    referral.risk_assessment_on = on
    return _save(referral, actor, "risk_assessed")


@transaction.atomic
def referral_close(*, actor, referral: DyslexiaReferral):
    """An RA officer closes the referral."""
    referral = _locked(referral)
    require(actor, "adjustments.referral.manage", referral)
    expect(referral, *[s for s in R.values if s != R.CLOSED], field="stage", doing="close it")
    referral.stage = R.CLOSED
    return _save(referral, actor, "closed")


def _feed_passport(referral: DyslexiaReferral, actor, what: str) -> Passport:
    """Outcomes feed the passport: add the assessor's recommendations to the joiner's open
    passport (opening a draft one if they have none)."""
    passport = (
        Passport.objects.select_for_update()
        .filter(owner=referral.person)
        .exclude(status=Passport.Status.CLOSED)
        .first()
    )
    if passport is None:
        passport = new_passport(actor=actor, owner=referral.person)
    note = f"Dyslexia {what} ({referral.assessed_on:%d/%m/%Y})"
    if referral.recommendations:
        note += f": {referral.recommendations}"
    passport.recommendations = "\n\n".join(p for p in (passport.recommendations, note) if p)
    passport.save(update_fields=["recommendations", "updated_at"])
    DyslexiaReferral.objects.filter(pk=referral.pk).update(passport=passport)
    referral.passport = passport
    timeline(passport, actor, "passport.dyslexia_outcome", f"Dyslexia {what} added")
    return passport
