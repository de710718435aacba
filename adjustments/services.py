"""Writes for reasonable adjustments."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from adjustments.models import JoinerNeed
from core.audit import audit_action
from people.models import User
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
        link = reverse("admin:adjustments_joinerneed_change", args=[need.pk])
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
