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


def records_as_at(*, day: date) -> QuerySet[EmploymentRecord]:
    """The employment record in force for each colleague on `day`."""
    return EmploymentRecord.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day
    )


def record_as_at(*, person: User, day: date) -> EmploymentRecord | None:
    return records_as_at(day=day).filter(person=person).first()


def _share_by(*, day: date, group_field: str, definition: str, **only) -> dict:
    """(ethnic minority count, declared count) per value of `group_field` on `day`."""
    rows = (
        records_as_at(day=day)
        .filter(**only)
        .values(group_field)
        .annotate(
            declared=Count("id", filter=Q(person__equality__ethnicity__in=declared_codes())),
            minority=Count(
                "id", filter=Q(person__equality__ethnicity__in=minority_codes(definition))
            ),
        )
    )
    return {row[group_field]: (row["minority"], row["declared"]) for row in rows}


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


def representation_by_staff_type(
    *, days: list[date], definition: str = MinorityDefinition.EMG
) -> list[dict]:
    """The board paper's first table: ethnic minority share by staff type on each day.

    Returns rows {"label", "counts": {day: (minority, declared)}}, ending with the force total.
    """
    by_day = {
        day: _share_by(day=day, group_field="person_type", definition=definition) for day in days
    }
    return _representation(
        days=days,
        choices=PersonType.choices,
        by_day=by_day,
        label_suffix=" total",
        total_label="Force total",
    )


def representation_by_rank(
    *, days: list[date], definition: str = MinorityDefinition.EMG
) -> list[dict]:
    """The board paper's rank table: ethnic minority share of police officers by rank."""
    by_day = {
        day: _share_by(
            day=day,
            group_field="rank",
            definition=definition,
            person_type=PersonType.POLICE_OFFICER,
        )
        for day in days
    }
    return _representation(
        days=days,
        choices=Rank.choices,
        by_day=by_day,
        label_suffix="",
        total_label="Police Officer Total",
    )
