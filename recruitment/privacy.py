"""Subject access and retention for recruitment records.

Providers (core.subject_access: `fn(*, person, email)`) find a candidate by email, or a
colleague by their email and by the candidate record that became them. Retention policies
(core.retention) anonymise EOIs 12 months after the last contact and unsuccessful or
withdrawn candidates 6 months after the decision, through `services.eoi_anonymise`.
"""

from datetime import datetime

from django.db.models import Max, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from recruitment.models import (
    Candidate,
    ContactLog,
    EOIEquality,
    EOISource,
    ExpressionOfInterest,
    StageResult,
)
from recruitment.services import ERASED_NAME, eoi_anonymise

EOI_RETENTION_MONTHS = 12
UNSUCCESSFUL_RETENTION_MONTHS = 6


def _eois_of(*, person, email: str) -> QuerySet:
    condition = Q(pk__in=[])
    if email:
        condition |= Q(email__iexact=email)
    if person is not None:
        condition |= Q(candidate__colleague=person)
    return ExpressionOfInterest.objects.filter(condition)


def eois_for_subject(*, person, email: str = "") -> list[dict]:
    return list(
        _eois_of(person=person, email=email).values(
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "route",
            "other_routes",
            "over_17",
            "right_to_work",
            "lived_in_uk_3_years",
            "has_degree",
            "consent_to_contact",
            "received_on",
            "status",
            "closed_reason",
        )
    )


def sources_for_subject(*, person, email: str = "") -> list[dict]:
    eois = _eois_of(person=person, email=email)
    return [
        {
            "EOI": s.eoi_id,
            "Channel": s.get_channel_display(),
            "Campaign": str(s.campaign or ""),
            "Zone": s.zone.name if s.zone else "",
            "Captured on": s.captured_on,
        }
        for s in EOISource.objects.filter(eoi__in=eois).select_related("campaign", "zone")
    ]


def contacts_for_subject(*, person, email: str = "") -> list[dict]:
    eois = _eois_of(person=person, email=email)
    return list(
        ContactLog.objects.filter(eoi__in=eois).values("eoi", "contacted_at", "method", "note")
    )


def pipeline_for_subject(*, person, email: str = "") -> list[dict]:
    eois = _eois_of(person=person, email=email)
    rows = []
    for candidate in Candidate.objects.filter(eoi__in=eois):
        results = StageResult.objects.filter(candidate=candidate).select_related("stage")
        rows.append(
            {
                "Route": candidate.get_route_display(),
                "Applied on": candidate.applied_on,
                "Status": candidate.get_status_display(),
                "Conditional offer": candidate.conditional_offer_on,
                "Final offer": candidate.final_offer_on,
                "Results": [
                    {
                        "Stage": r.stage.name,
                        "Result": r.get_result_display(),
                        "Score": r.score,
                        "On": r.recorded_on,
                        "Note": r.note,
                    }
                    for r in results
                ],
            }
        )
    return rows


def equality_for_subject(*, person, email: str = "") -> list[dict]:
    eois = _eois_of(person=person, email=email)
    return [
        {
            "EOI": record.eoi_id,
            "Sex": record.get_sex_display(),
            "Ethnicity": record.get_ethnicity_display(),
            "Disability": record.get_disability_display(),
            "Sexual orientation": record.get_sexual_orientation_display(),
            "Religion": record.get_religion_display(),
        }
        for record in EOIEquality.objects.filter(eoi__in=eois)
    ]


def eois_due(cutoff: datetime) -> QuerySet:
    """EOIs not yet anonymised, never an application, whose last contact is before cutoff."""
    return (
        ExpressionOfInterest.objects.exclude(first_name=ERASED_NAME)
        .filter(candidate__isnull=True, merged_into__isnull=True)
        .annotate(
            last_contact=Coalesce(
                TruncDate(Max("contacts__contacted_at")), Max("sources__captured_on")
            )
        )
        .filter(last_contact__lt=cutoff.date())
    )


def unsuccessful_due(cutoff: datetime) -> QuerySet:
    """EOIs of candidates who were unsuccessful or withdrew, decided before cutoff."""
    ended = [Candidate.Status.UNSUCCESSFUL, Candidate.Status.WITHDRAWN]
    return ExpressionOfInterest.objects.exclude(first_name=ERASED_NAME).filter(
        candidate__status__in=ended, candidate__updated_at__lt=cutoff
    )


def anonymise(due: QuerySet) -> int:
    """Anonymise what is due; returns how many were due (duplicates merged into them go too)."""
    ids = set(due.order_by().values_list("pk", flat=True))
    eoi_anonymise(eoi_ids=ids)
    return len(ids)


def register() -> None:
    """Plug the providers and policies into core's registries."""
    from core import subject_access
    from core.retention import RetentionPolicy
    from core.retention import register as register_policy

    for section, provider in [
        ("Your expressions of interest", eois_for_subject),
        ("Where your expressions of interest came from", sources_for_subject),
        ("Our contacts with you about joining", contacts_for_subject),
        ("Your application and its results", pipeline_for_subject),
        ("Equality answers you gave when you applied", equality_for_subject),
    ]:
        subject_access.register(section, provider)
    for key, label, months, find in [
        ("eois", "Expressions of interest, after the last contact", EOI_RETENTION_MONTHS, eois_due),
        (
            "unsuccessful-candidates",
            "Unsuccessful or withdrawn candidates",
            UNSUCCESSFUL_RETENTION_MONTHS,
            unsuccessful_due,
        ),
    ]:
        register_policy(
            RetentionPolicy(
                key=key,
                label=label,
                default_months=months,
                action="anonymise",
                find=find,
                apply=anonymise,
            )
        )
