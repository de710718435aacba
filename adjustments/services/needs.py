"""The hand-off from recruitment: a joiner's declared need in the RA officers' queue."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from adjustments.models import Adjustment, JoinerNeed, Passport
from adjustments.services._common import expect, now, timeline, today
from adjustments.services.passports import new_passport
from core.audit import audit_action
from people.models import User
from people.permissions import require
from people.roles import GROUP_NAMES, Role


def _ra_officer_emails() -> list[str]:
    return list(
        User.objects.filter(groups__name=GROUP_NAMES[Role.RA_OFFICER], is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


@transaction.atomic
def joiner_need_record(
    *,
    actor,
    name: str,
    details: str,
    source: str,
    email: str = "",
    person: User | None = None,
    expected_start: date | None = None,
) -> JoinerNeed:
    """Put a joiner's declared need in the RA officers' queue and email them (after commit).

    Safe to call twice for the same `source`: the second call returns the first record.
    Raises ValidationError for bad input (no details, a malformed email).
    """
    existing = JoinerNeed.objects.filter(source=source).first()
    if existing is not None:
        return existing
    need = JoinerNeed(
        name=name.strip(),
        email=email.strip(),
        details=details.strip(),
        source=source,
        person=person,
        expected_start=expected_start,
    )
    need.full_clean()
    need.save()
    audit_action(actor=actor, action="adjustments.joiner_need.recorded", obj=need)
    recipients = _ra_officer_emails()
    if recipients:
        link = reverse("adjustments:need", args=[need.pk])
        transaction.on_commit(
            lambda: send_mail(
                "A joiner has asked for an adjustment",
                "Recruitment has passed on a joiner's request for a reasonable adjustment "
                f"({source}). Open it in Peel: {link}\n\nThe details are in Peel only.",
                settings.DEFAULT_FROM_EMAIL,
                recipients,
                fail_silently=True,
            )
        )
    return need


def _locked_need(need: JoinerNeed) -> JoinerNeed:
    return JoinerNeed.objects.select_for_update().get(pk=need.pk)


@transaction.atomic
def joiner_need_acknowledge(*, actor, need: JoinerNeed) -> JoinerNeed:
    """An RA officer acknowledges a new need (the acknowledgement SLA stops here)."""
    require(actor, "adjustments.passport.process")
    need = _locked_need(need)
    expect(need, JoinerNeed.Status.NEW, doing="acknowledge this request")
    need.status = JoinerNeed.Status.ACKNOWLEDGED
    need.acknowledged_by, need.acknowledged_at = actor, now()
    need.save()
    audit_action(actor=actor, action="adjustments.joiner_need.acknowledged", obj=need)
    return need


def _first_adjustment(passport: Passport, need: JoinerNeed) -> Adjustment:
    """The declared need, as requested on the day recruitment passed it on."""
    adjustment = Adjustment(
        passport=passport,
        description=need.details[:300],
        kind=Adjustment.Kind.OTHER,
        requested_on=min(need.created_at.date(), today()),
    )
    adjustment.full_clean()
    adjustment.save()
    return adjustment


@transaction.atomic
def joiner_need_open_passport(*, actor, need: JoinerNeed, person: User) -> Passport:
    """Once the joiner has started, an RA officer opens their passport with the declared
    need as its first requested adjustment (dated when recruitment passed it on).

    Raises ValidationError when the person has not started or already has an open passport.
    """
    require(actor, "adjustments.passport.process")
    need = _locked_need(need)
    expect(
        need,
        JoinerNeed.Status.NEW,
        JoinerNeed.Status.ACKNOWLEDGED,
        doing="open a passport from this request",
    )
    if not person.is_active or person.start_date is None or person.start_date > today():
        raise ValidationError({"person": "Open the passport once the joiner has started."})
    passport = new_passport(actor=actor, owner=person)
    passport.joiner_need = need
    passport.save(update_fields=["joiner_need", "updated_at"])
    _first_adjustment(passport, need)
    timeline(
        passport, actor, "passport.from_recruitment", f"Opened from recruitment ({need.source})"
    )
    if need.acknowledged_at is None:
        need.acknowledged_by, need.acknowledged_at = actor, now()
    need.status, need.person = JoinerNeed.Status.PASSPORT_OPENED, person
    need.save()
    audit_action(actor=actor, action="adjustments.joiner_need.passport_opened", obj=need)
    return passport


@transaction.atomic
def joiner_need_close(*, actor, need: JoinerNeed, reason: str) -> JoinerNeed:
    """An RA officer closes a need that needs no passport (withdrew, did not join)."""
    require(actor, "adjustments.passport.process")
    need = _locked_need(need)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the request is closed."})
    if need.acknowledged_at is None:
        need.acknowledged_by, need.acknowledged_at = actor, now()
    need.status = JoinerNeed.Status.CLOSED
    need.save()
    audit_action(
        actor=actor, action="adjustments.joiner_need.closed", obj=need, data={"reason": reason}
    )
    return need
