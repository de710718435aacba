"""Reads about colleagues: teams, history as at a date, workforce representation."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from core.equality import MinorityDefinition, declared_codes, minority_codes
from people.models import EmploymentRecord, PersonType, Rank, User


def team_of(*, manager: User) -> QuerySet[User]:
    """A line manager's current, active direct reports."""
    return User.objects.filter(line_manager=manager, is_active=True).select_related("department")


def colleagues_visible_to(*, user) -> QuerySet[User]:
    """The colleagues `user` may see: admins everyone; a line manager their current team and
    themselves; anyone else only themselves."""
    from people.permissions import has_role
    from people.roles import Role

    people = User.objects.select_related("department", "line_manager")
    if has_role(user, Role.ADMIN):
        return people.all()
    team = team_of(manager=user).values("pk")
    return people.filter(pk__in=team) | people.filter(pk=user.pk)


def person_history(*, person: User) -> QuerySet[EmploymentRecord]:
    return person.employment_history.select_related("department", "line_manager").order_by(
        "-valid_from"
    )


def in_force_on(day: date) -> Q:
    """On EmploymentRecord: the record was in force on `day`."""
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def records_as_at(*, day: date) -> QuerySet[EmploymentRecord]:
    """The employment record in force for each colleague on `day`, unordered: the model's
    ordering (by person, then date) joins people_user, which counts and aggregates never need."""
    return EmploymentRecord.objects.filter(in_force_on(day)).order_by()


def record_as_at(*, person: User, day: date) -> EmploymentRecord | None:
    return records_as_at(day=day).filter(person=person).order_by("-valid_from").first()


def _shares_by(*, days: list[date], definition: str) -> dict[date, dict[tuple, tuple]]:
    """(ethnic minority count, declared count) per (staff type, rank) on each day.

    One query, one pass over the records in force on any of the days: each day is a pair of
    filtered counts (it was one query per day and table, ten for the workforce page)."""
    declared = Q(person__equality__ethnicity__in=declared_codes())
    minority = Q(person__equality__ethnicity__in=minority_codes(definition))
    counts = {}
    for i, day in enumerate(days):
        counts[f"declared_{i}"] = Count("id", filter=in_force_on(day) & declared)
        counts[f"minority_{i}"] = Count("id", filter=in_force_on(day) & minority)
    rows = (
        EmploymentRecord.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=min(days)), valid_from__lte=max(days)
        )
        .values("person_type", "rank")
        .annotate(**counts)
        .order_by()
    )
    return {
        day: {
            (row["person_type"], row["rank"]): (row[f"minority_{i}"], row[f"declared_{i}"])
            for row in rows
        }
        for i, day in enumerate(days)
    }


def _by(shares: dict[tuple, tuple], position: int, **only) -> dict:
    """Sum (minority, declared) over one part of the (staff type, rank) key."""
    summed = {}
    for key, (minority, declared) in shares.items():
        if only.get("person_type", key[0]) != key[0]:
            continue
        m, d = summed.get(key[position], (0, 0))
        summed[key[position]] = (m + minority, d + declared)
    return summed


def _representation(*, days, choices, by_day, label_suffix: str, total_label: str) -> list[dict]:
    rows = [
        {
            "label": f"{label}{label_suffix}",
            "counts": {d: by_day[d].get(value, (0, 0)) for d in days},
        }
        for value, label in choices
    ]
    rows.append(
        {
            "label": total_label,
            "counts": {
                d: (sum(m for m, _ in by_day[d].values()), sum(n for _, n in by_day[d].values()))
                for d in days
            },
        }
    )
    return rows


def workforce_representation(
    *, days: list[date], definition: str = MinorityDefinition.EMG
) -> dict[str, list[dict]]:
    """Both board paper tables from one query: {"by_type": ..., "by_rank": ...} (see below)."""
    if not days:
        return {"by_type": [], "by_rank": []}
    shares = _shares_by(days=days, definition=definition)
    by_type = {day: _by(shares[day], 0) for day in days}
    officers = {day: _by(shares[day], 1, person_type=PersonType.POLICE_OFFICER) for day in days}
    return {
        "by_type": _representation(
            days=days,
            choices=PersonType.choices,
            by_day=by_type,
            label_suffix=" total",
            total_label="Force total",
        ),
        "by_rank": _representation(
            days=days,
            choices=Rank.choices,
            by_day=officers,
            label_suffix="",
            total_label="Police Officer Total",
        ),
    }


def representation_by_staff_type(
    *, days: list[date], definition: str = MinorityDefinition.EMG
) -> list[dict]:
    """The board paper's first table: ethnic minority share by staff type on each day.

    Returns rows {"label", "counts": {day: (minority, declared)}}, ending with the force total.
    """
    return workforce_representation(days=days, definition=definition)["by_type"]


def representation_by_rank(
    *, days: list[date], definition: str = MinorityDefinition.EMG
) -> list[dict]:
    """The board paper's rank table: ethnic minority share of police officers by rank."""
    return workforce_representation(days=days, definition=definition)["by_rank"]
