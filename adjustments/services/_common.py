"""Helpers the adjustments services share: the timeline, state checks, dates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from adjustments.models import Passport, PassportEvent
from core.audit import audit_action


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (31 Aug + 6 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


def now():
    return timezone.now()


def today() -> date:
    return timezone.localdate()


def real_actor(actor):
    return actor if getattr(actor, "pk", None) else None


def timeline(passport: Passport, actor, action: str, text: str, obj=None, **data) -> None:
    """Add a line to the passport's timeline and the audit trail (`adjustments.<action>`)."""
    PassportEvent.objects.create(
        passport=passport, actor=real_actor(actor), action=action, text=text[:300]
    )
    audit_action(actor=actor, action=f"adjustments.{action}", obj=obj or passport, data=data)


def expect(obj, *statuses, field: str = "status", doing: str) -> None:
    """Refuse a move from the wrong state, saying what state the record is in."""
    current = getattr(obj, field)
    if current not in statuses:
        label = getattr(obj, f"get_{field}_display")()
        raise ValidationError(f"You cannot {doing}: it is {label.lower()}.")


def not_in_future(value: date | None, field: str, what: str) -> None:
    if value is not None and value > today():
        raise ValidationError({field: f"The {what} cannot be in the future."})
