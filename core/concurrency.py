"""Optimistic locking for records people edit together (EOIs, cases, passports, ratings...).

A form carries the version it was loaded at; `save_versioned` writes only if the row still has
that version, so the second of two people saving the same record is refused, never silently
overwriting the first. The refusal says what the other person changed.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import F


@dataclass
class Difference:
    field: str
    label: str
    theirs: object
    yours: object


class StaleEdit(Exception):
    """Someone else saved the record first. `differences` lists what they saved."""

    def __init__(self, *, current: models.Model, differences: list[Difference]):
        self.current = current
        self.differences = differences
        names = ", ".join(d.label for d in differences) or "nothing you changed"
        super().__init__(
            "Someone else saved this record while you were editing it. They changed: "
            f"{names}. Check their version below, then save again."
        )


def _label(model, field):
    return str(model._meta.get_field(field).verbose_name).capitalize()


def save_versioned(instance: models.Model, *, expected_version: int, fields: list[str]) -> None:
    """Save `fields` of `instance` only if its row is still at `expected_version`.

    Bumps the version. Raises StaleEdit (with what the other person changed) otherwise.
    """
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    if "updated_at" in {f.name for f in model._meta.fields}:
        from django.utils import timezone

        values["updated_at"] = timezone.now()
    updated = model.objects.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated:
        instance.version = expected_version + 1
        return
    current = model.objects.get(pk=instance.pk)
    differences = [
        Difference(name, _label(model, name), getattr(current, name), getattr(instance, name))
        for name in fields
        if getattr(current, name) != getattr(instance, name)
    ]
    raise StaleEdit(current=current, differences=differences)
