"""Subject access and retention for reasonable adjustments records.

Providers return plain dicts (core.subject_access: `fn(*, person, email)`); the
retention finders take a cutoff and return what is due (core.retention: `find(cutoff)`,
`apply(queryset)`). `register()` plugs them in.
"""

from datetime import datetime

from django.db.models import Q, QuerySet

from adjustments.models import (
    SNAPSHOT_FIELDS,
    AccessToWork,
    Adjustment,
    DyslexiaReferral,
    JoinerNeed,
    Passport,
    PassportVersion,
)

PASSPORT_RETENTION_MONTHS = 72  # 6 years after a passport closes
REFERRAL_RETENTION_MONTHS = 72
JOINER_NEED_RETENTION_MONTHS = 12  # the request itself; the passport keeps what matters


def passports_for_subject(*, person, email: str = "") -> list[dict]:
    """Every passport the person owns, as it stands now (flat rows for the export)."""
    if person is None:
        return []
    return [
        {field: getattr(passport, field) for field in SNAPSHOT_FIELDS}
        | {"status": passport.get_status_display(), "review_date": passport.review_date}
        for passport in Passport.objects.filter(owner=person)
    ]


def passport_versions_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    versions = PassportVersion.objects.filter(passport__owner=person).order_by("created_at")
    return [{"version": v.number, "submitted": v.created_at} | v.content for v in versions]


def adjustments_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return list(
        Adjustment.objects.filter(passport__owner=person).values(
            "description",
            "kind",
            "cost",
            "funder",
            "status",
            "requested_on",
            "decided_on",
            "decline_reason",
            "in_place_on",
            "ended_on",
        )
    )


def access_to_work_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return list(
        AccessToWork.objects.filter(passport__owner=person).values(
            "reference",
            "status",
            "applied_on",
            "assessment_on",
            "award_amount",
            "award_on",
            "employer_share",
            "review_on",
        )
    )


def referrals_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return list(
        DyslexiaReferral.objects.filter(person=person).values(
            "stage",
            "form_sent_on",
            "declined_on",
            "returned_on",
            "screening_on",
            "screening_outcome",
            "assessment_on",
            "diagnostic_result",
            "recommendations",
            "risk_assessment_on",
        )
    )


def joiner_needs_for_subject(*, person, email: str = "") -> list[dict]:
    condition = Q(person=person) if person is not None else Q(pk__in=[])
    if email:
        condition |= Q(email__iexact=email)
    return list(
        JoinerNeed.objects.filter(condition).values(
            "name", "email", "details", "source", "status", "created_at"
        )
    )


def closed_passports_due(cutoff: datetime) -> QuerySet:
    return Passport.objects.filter(status=Passport.Status.CLOSED, closed_at__lt=cutoff)


def finished_referrals_due(cutoff: datetime) -> QuerySet:
    finished = [DyslexiaReferral.Stage.CLOSED, DyslexiaReferral.Stage.DECLINED]
    return DyslexiaReferral.objects.filter(stage__in=finished, updated_at__lt=cutoff)


def finished_joiner_needs_due(cutoff: datetime) -> QuerySet:
    finished = [JoinerNeed.Status.CLOSED, JoinerNeed.Status.PASSPORT_OPENED]
    return JoinerNeed.objects.filter(status__in=finished, updated_at__lt=cutoff)


def delete_all(due: QuerySet) -> int:
    count = due.count()
    due.delete()
    return count


def register() -> None:
    """Plug the providers and policies into core's registries."""
    from core import subject_access

    subject_access.register("Your adjustment passport", passports_for_subject)
    subject_access.register("Earlier versions of your passport", passport_versions_for_subject)
    subject_access.register("Your adjustments", adjustments_for_subject)
    subject_access.register("Your Access to Work applications", access_to_work_for_subject)
    subject_access.register("Your dyslexia referral", referrals_for_subject)
    subject_access.register("Your adjustment requests as a joiner", joiner_needs_for_subject)
    _register_retention()


def _register_retention() -> None:
    from core.retention import RetentionPolicy
    from core.retention import register as register_policy

    for key, label, months, find in [
        (
            "closed-passports",
            "Closed adjustment passports",
            PASSPORT_RETENTION_MONTHS,
            closed_passports_due,
        ),
        (
            "finished-dyslexia-referrals",
            "Closed or declined dyslexia referrals",
            REFERRAL_RETENTION_MONTHS,
            finished_referrals_due,
        ),
        (
            "finished-joiner-needs",
            "Joiners' adjustment requests dealt with",
            JOINER_NEED_RETENTION_MONTHS,
            finished_joiner_needs_due,
        ),
    ]:
        register_policy(
            RetentionPolicy(
                key=key,
                label=label,
                default_months=months,
                action="delete",
                find=find,
                apply=delete_all,
            )
        )
