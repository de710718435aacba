"""Reads for the welfare team and line managers (the figures are in welfare.figures).

Every list of cases comes from `cases_for(user=...)`: the welfare team sees every case, anyone
else none. A line manager sees only the status of cases they raised (`concerns_raised_by`).
"""

from datetime import date

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from people.models import Probation, User
from welfare.models import ContactLogEntry, Reg13Case, WelfareCase
from welfare.permissions import is_welfare_team


def cases_for(*, user) -> QuerySet[WelfareCase]:
    """Every case for the welfare team; nothing for anyone else."""
    if not is_welfare_team(user):
        return WelfareCase.objects.none()
    return WelfareCase.objects.select_related("officer", "assigned_to")


def case_for(*, user, pk: int) -> WelfareCase:
    """One case the user may read, or Http404 (to anyone outside the welfare team)."""
    return get_object_or_404(
        cases_for(user=user).select_related(
            "officer__probation", "officer__line_manager", "raised_by", "resignation"
        ),
        pk=pk,
    )


def concerns_raised_by(*, user) -> QuerySet[WelfareCase]:
    """Cases a line manager raised: the view shows only that each exists and its status."""
    return (
        WelfareCase.objects.filter(raised_by=user)
        .select_related("officer")
        .only(
            "id",
            "notified_on",
            "first_contact_on",
            "closed_on",
            "officer__first_name",
            "officer__last_name",
            "officer__staff_number",
        )
    )


def overdue_first_contact(*, user, today: date | None = None) -> QuerySet[WelfareCase]:
    """Open cases past their first-contact date with no contact yet, oldest first."""
    today = today or date.today()
    return (
        cases_for(user=user)
        .filter(closed_on=None, first_contact_on=None, first_contact_due__lt=today)
        .order_by("first_contact_due", "id")
    )


def follow_ups_due(*, user, today: date | None = None) -> QuerySet[ContactLogEntry]:
    """Follow-ups whose date has come on open cases, with nothing logged since, oldest first."""
    today = today or date.today()
    if not is_welfare_team(user):
        return ContactLogEntry.objects.none()
    later = ContactLogEntry.objects.filter(
        case=OuterRef("case"), contact_on__gt=OuterRef("contact_on")
    )
    return (
        ContactLogEntry.objects.filter(
            case__closed_on=None, follow_up_due__isnull=False, follow_up_due__lte=today
        )
        .exclude(Exists(later))
        .select_related("case__officer", "case__assigned_to")
        .order_by("follow_up_due", "id")
    )


def probations_for(*, user) -> QuerySet[Probation]:
    """Student officers' probations, for the welfare team."""
    if not is_welfare_team(user):
        return Probation.objects.none()
    return Probation.objects.select_related("officer", "officer__department")


def probation_for(*, user, pk: int) -> Probation:
    """One probation for the welfare team, or Http404."""
    return get_object_or_404(probations_for(user=user), pk=pk)


def student_officers_of(*, manager) -> QuerySet:
    """A line manager's current reports who are student officers still on probation."""
    return User.objects.filter(
        line_manager=manager,
        is_active=True,
        probation__isnull=False,
        probation__confirmed_on__isnull=True,
    ).order_by("last_name", "first_name", "id")


def reg13_cases_for(*, user) -> QuerySet[Reg13Case]:
    """Regulation 13 cases, for the welfare team only."""
    if not is_welfare_team(user):
        return Reg13Case.objects.none()
    return Reg13Case.objects.select_related("officer")


def reg13_case_for(*, user, pk: int) -> Reg13Case:
    """One Regulation 13 case for the welfare team, or Http404."""
    return get_object_or_404(reg13_cases_for(user=user), pk=pk)
