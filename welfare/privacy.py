"""Subject access and retention for welfare records.

Providers give a student officer their own cases (what prompted each, what was offered, the
contacts and the outcome) and resignations. Closed cases are kept for a period (a setting)
and then, as the setting `retention-closed-welfare-cases-action` says, either have their
free-text notes removed (`anonymise`, the default: dates, outcome and themes still count in
the figures) or are deleted with everything hanging off them (`delete`).
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q, QuerySet

from core.settings_store import get_setting
from welfare.models import ContactLogEntry, Resignation, WelfareCase

CLOSED_CASE_RETENTION_MONTHS = 24
REMOVED = "(removed under the retention policy)"
NOTE_FIELDS = ("concern", "support_notes", "theme_notes", "outcome_notes")


def cases_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    cases = WelfareCase.objects.filter(officer=person).prefetch_related("support", "themes")
    return [
        {
            "Opened": case.get_how_opened_display(),
            "Notified on": case.notified_on,
            "What prompted it": case.concern,
            "First contact on": case.first_contact_on,
            "Support offered": [s.get_kind_display() for s in case.support.all()],
            "Support notes": case.support_notes,
            "Reasons": [t.get_theme_display() for t in case.themes.all()],
            "Reason notes": case.theme_notes,
            "Outcome": case.get_outcome_display(),
            "Outcome notes": case.outcome_notes,
            "Closed on": case.closed_on,
        }
        for case in cases
    ]


def contacts_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return [
        {"On": c.contact_on, "How": c.get_kind_display(), "Summary": c.summary}
        for c in ContactLogEntry.objects.filter(case__officer=person)
    ]


def resignations_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return list(
        Resignation.objects.filter(officer=person).values(
            "submitted_on", "notice_days", "last_day", "during_probation", "withdrawn_on"
        )
    )


def closed_case_action() -> str:
    return get_setting("retention-closed-welfare-cases-action", "anonymise")


def closed_cases_due(cutoff: datetime) -> QuerySet:
    """Closed cases past their time that still hold notes (or any, when deleting)."""
    due = WelfareCase.objects.filter(closed_on__isnull=False, closed_on__lt=cutoff.date())
    if closed_case_action() == "delete":
        return due
    has_notes = Q(contacts__summary__gt="") & ~Q(contacts__summary=REMOVED)
    for field in NOTE_FIELDS:
        has_notes |= Q(**{f"{field}__gt": ""})
    return due.filter(has_notes).distinct()


@transaction.atomic
def closed_cases_apply(due: QuerySet) -> int:
    ids = list(due.order_by().values_list("pk", flat=True).distinct())
    if closed_case_action() == "delete":
        Resignation.objects.filter(case__in=ids).delete()
        WelfareCase.objects.filter(pk__in=ids).delete()
        return len(ids)
    WelfareCase.objects.filter(pk__in=ids).update(**dict.fromkeys(NOTE_FIELDS, ""))
    ContactLogEntry.objects.filter(case__in=ids).update(summary=REMOVED)
    return len(ids)


def register() -> None:
    """Plug the providers and the closed-case policy into core's registries."""
    from core import subject_access
    from core.retention import RetentionPolicy
    from core.retention import register as register_policy

    subject_access.register("Your welfare cases", cases_for_subject)
    subject_access.register("Our contacts with you about your welfare", contacts_for_subject)
    subject_access.register("Your resignations", resignations_for_subject)
    register_policy(
        RetentionPolicy(
            key="closed-welfare-cases",
            label="Closed welfare cases",
            default_months=CLOSED_CASE_RETENTION_MONTHS,
            action="anonymise",
            find=closed_cases_due,
            apply=closed_cases_apply,
            action_setting="retention-closed-welfare-cases-action",
        )
    )
