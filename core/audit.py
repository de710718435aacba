"""The audit trail: one append-only log (django-auditlog's table) for changes, actions and reads.

Every write service calls `audit_action`; every view that shows special-category data calls
`record_read`. The table cannot be updated or deleted on PostgreSQL (see core migration 0002).
"""

from typing import Any

from auditlog.models import LogEntry
from django.db import models


def _actor(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def audit_action(
    *, actor, action: str, obj: models.Model, data: dict[str, Any] | None = None
) -> LogEntry:
    """Record a named business action (`recruitment.eoi.merged`) against `obj`."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        actor=_actor(actor),
        changes_text=action,
        additional_data={"action": action, **(data or {})},
    )


def record_read(*, user, obj: models.Model, reason: str = "viewed") -> LogEntry:
    """Record that `user` read `obj`, a special-category record: who, what, when."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=_actor(user),
        serialized_data=None,
        changes_text=reason,
        additional_data={"action": "read", "reason": reason},
    )


def reads_of(obj: models.Model):
    """The access-log rows for one record, newest first."""
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.ACCESS)
