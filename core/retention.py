"""Retention: how long each kind of record is kept, and the job that enforces it.

Each app registers a RetentionPolicy for its records (EOIs, unsuccessful candidates, closed
welfare cases, ended passports...); core registers the audit log's. The period is an admin
setting (`retention-<key>-months`) with the policy's default. A dry run counts what is due;
a real run anonymises or deletes it, and every run leaves a RetentionRun row and an audit entry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from core.audit import audit_action
from core.models import RetentionRun
from core.settings_store import get_setting


@dataclass(frozen=True)
class RetentionPolicy:
    key: str
    label: str
    default_months: int
    action: str  # "anonymise" or "delete"
    find: Callable[[datetime], QuerySet] = None  # records due at a cutoff
    apply: Callable[[QuerySet], int] = None  # anonymise or delete them; return how many
    action_setting: str = ""  # an admin setting that chooses the action, where there is one

    @property
    def months(self) -> int:
        return int(get_setting(f"retention-{self.key}-months", self.default_months))

    @property
    def current_action(self) -> str:
        if not self.action_setting:
            return self.action
        return get_setting(self.action_setting, self.action)


_policies: dict[str, RetentionPolicy] = {}


def register(policy: RetentionPolicy) -> RetentionPolicy:
    _policies[policy.key] = policy
    return policy


def policies() -> list[RetentionPolicy]:
    return list(_policies.values())


def _months_before(day: date, months: int) -> datetime:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    cutoff = date(year, month + 1, min(day.day, 28))
    return timezone.make_aware(datetime.combine(cutoff, time.min))


def retention_run(*, actor=None, as_of: date | None = None, dry_run: bool = True) -> RetentionRun:
    """Count (dry run) or remove what every policy says is past its time, as at `as_of`."""
    as_of = as_of or timezone.localdate()
    results = []
    with transaction.atomic():
        for policy in policies():
            cutoff = _months_before(as_of, policy.months)
            due = policy.find(cutoff)
            count = due.count() if dry_run else policy.apply(due)
            results.append(
                {
                    "key": policy.key,
                    "label": policy.label,
                    "action": policy.current_action,
                    "months": policy.months,
                    "cutoff": cutoff.date().isoformat(),
                    "count": count,
                }
            )
        run = RetentionRun.objects.create(
            as_of=as_of, dry_run=dry_run, results=results, requested_by=actor
        )
        audit_action(
            actor=actor,
            action="core.retention.dry_run" if dry_run else "core.retention.run",
            obj=run,
            data={"results": results},
        )
    return run


def _audit_log_due(cutoff: datetime) -> QuerySet:
    from auditlog.models import LogEntry

    return LogEntry.objects.filter(timestamp__lt=cutoff)


def _audit_log_delete(due: QuerySet) -> int:
    """The one path past the audit log's append-only trigger (core migration 0002)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL peel.audit_retention = 'on'")
    deleted, _ = due.delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL peel.audit_retention = 'off'")
    return deleted


register(
    RetentionPolicy(
        key="audit-log",
        label="Audit log entries",
        default_months=84,
        action="delete",
        find=_audit_log_due,
        apply=_audit_log_delete,
    )
)
