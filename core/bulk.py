"""Creating many records at once, for bulk imports (docs/IMPORTS.md), with the checks a service
makes one record at a time.

- `clean_many` checks records exactly as `full_clean(exclude, validate_unique=False,
  validate_constraints=False)` would, one record at a time, with the same messages, but checks
  each distinct value of a field once (a sign-up sheet's 100,000 rows have a handful of routes
  and dates) and builds no more of each record than its checks need.
- `insert_many` writes them: PostgreSQL's COPY (ids reserved first, so related records can point
  at them), or `bulk_create` on other databases. Signals are not sent, as with `bulk_create`:
  the caller writes the audit entries (`core.imports.audit_many`).

Both run inside the caller's transaction; database constraints still apply to every row.
"""

import json
import operator
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models.base import ModelState
from django.db.models.expressions import DatabaseDefault, RawSQL
from django.utils import timezone

# Column types psycopg writes from the Python value as it is; others go through the field.
PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "DecimalField",
    "EmailField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallAutoField",
    "SmallIntegerField",
    "TextField",
    "UUIDField",
}


def new_many(
    model: type[models.Model], records: Sequence[dict], *, fixed: dict | None = None
) -> list[models.Model]:
    """Unsaved `model` records, one for each of `records`, on top of `fixed`, unchecked (for
    records the caller composes itself, such as audit entries). See `clean_many`."""
    state = _state_of(model(**(fixed or {})))
    return [_stamp(model, state, values) for values in _same_keys(model, records)]


def clean_many(
    model: type[models.Model],
    records: Sequence[dict],
    *,
    fixed: dict | None = None,
    exclude: Iterable[str] = (),
) -> tuple[list[models.Model], dict[int, ValidationError]]:
    """Unsaved `model` records, one for each of `records` on top of `fixed`, and the
    ValidationError of each record that fails, by its index: what `full_clean` would raise.

    `fixed` holds the values every record shares, given to the model's constructor once (so
    a relation may be an object); `records` hold each record's own values, every one with the
    same keys: field names, or attnames such as `campaign_id` for relations.

    A field's checks (`Field.clean`) run once for each distinct value, so a relation's
    existence query is one per distinct value; `Model.clean()` runs for every record.
    """
    exclude = set(exclude)
    template = model(**(fixed or {}))
    fields = [f for f in model._meta.fields if f.name not in exclude and not f.generated]
    keys = set(records[0]) if records else set()
    own = [f for f in fields if f.attname in keys]
    checked: dict = {}
    shared_errors = _clean_fields(template, [f for f in fields if f not in own], checked)
    state = _state_of(template)
    objs, failures = [], {}
    for index, values in enumerate(_same_keys(model, records)):
        obj = _stamp(model, state, values)
        errors = _clean_fields(obj, own, checked)
        if shared_errors:
            errors = shared_errors | errors
        try:
            obj.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            failures[index] = ValidationError(errors)
        objs.append(obj)
    return objs, failures


def _same_keys(model, records: Sequence[dict]):
    attnames = {f.attname for f in model._meta.concrete_fields}
    keys = set(records[0]) if records else set()
    if not keys <= attnames:
        raise ValueError(f"Not attnames of {model.__name__}: {sorted(keys - attnames)}.")
    for values in records:
        if values.keys() != keys:
            raise ValueError("Every record must have the same keys.")
        yield values


def _state_of(template: models.Model) -> dict:
    return {k: v for k, v in template.__dict__.items() if k != "_state"}


def _stamp(model, state: dict, values: dict) -> models.Model:
    """A model instance with `state` (a template's values) and then `values`: what the
    model's constructor makes from the same values, without its per-field work."""
    obj = model.__new__(model)
    obj.__dict__.update(state)
    obj.__dict__.update(values)
    obj._state = ModelState()
    return obj


def _clean_fields(obj: models.Model, fields: list, checked: dict) -> dict:
    """`Model.clean_fields` for `fields` of `obj`, remembering the outcome for each (field,
    value) in `checked`: skipped (blank), the cleaned value, or the errors."""
    errors = {}
    data = obj.__dict__
    for f in fields:
        raw = data[f.attname]
        try:
            key = (f.attname, type(raw), raw)
            outcome = checked.get(key)
        except TypeError:  # an unhashable value (a list for a JSON field): not remembered
            key, outcome = None, None
        if outcome is None:
            outcome = _clean_field(f, raw, obj)
            if key is not None:
                checked[key] = outcome
        kind, value = outcome
        if kind is CLEANED:
            data[f.attname] = value
        elif kind is FAILED:
            errors[f.name] = value
    return errors


SKIPPED, CLEANED, FAILED = object(), object(), object()


def _clean_field(f, raw, obj) -> tuple:
    if (f.blank and raw in f.empty_values) or isinstance(raw, DatabaseDefault):
        return SKIPPED, None
    try:
        return CLEANED, f.clean(raw, obj)
    except ValidationError as error:
        return FAILED, error.error_list


def insert_many(model: type[models.Model], objs: list[models.Model]) -> None:
    """Insert unsaved `objs` of `model`, giving each its id as `bulk_create` does. Fills
    `auto_now`/`auto_now_add` fields with one time for all."""
    if not objs:
        return
    now = timezone.now()
    for f in model._meta.concrete_fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            for obj in objs:
                if obj.__dict__.get(f.attname) is None:
                    obj.__dict__[f.attname] = now
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs, batch_size=1000)
        return
    db = connections[DEFAULT_DB_ALIAS]
    pk = model._meta.pk
    for obj, new_id in zip(objs, reserve_ids(model, len(objs)), strict=True):
        obj.__dict__[pk.attname] = new_id
        obj._state.adding, obj._state.db = False, db.alias
    _copy(db, model, objs)


def _copy(db, model: type[models.Model], objs: list[models.Model]) -> None:
    fields = model._meta.concrete_fields
    values_of = operator.itemgetter(*(f.attname for f in fields))
    special = [(i, f) for i, f in enumerate(fields) if f.get_internal_type() not in PLAIN_TYPES]
    prepared = _Prepared(db)
    columns = ", ".join(db.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {db.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    with db.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            row = values_of(obj.__dict__)
            if special:
                row = list(row)
                for index, field in special:
                    row[index] = prepared(field, row[index])
            copy.write_row(row)


class _Prepared:
    """A value psycopg cannot write as it is, as the field would save it: JSON as its text
    (what the field's `get_db_prep_save` would send), anything else through that method.
    Remembers the last value of each field, as records made from one template share the same
    default object (an empty list) and audit entries the same data: encoded once, not 100,000
    times."""

    def __init__(self, db):
        self.db = db
        self.last: dict = {}

    def __call__(self, field, value):
        if value is None:
            return None
        last = self.last.get(field)
        if last is not None and last[0] is value:
            return last[1]
        if isinstance(field, models.JSONField):
            prepared = json.dumps(field.get_prep_value(value), cls=field.encoder)
        else:
            prepared = field.get_db_prep_save(value, self.db)
        self.last[field] = (value, prepared)
        return prepared


ARRAY_SQL = {
    "text": "SELECT unnest(%s::text[])",
    "bigint": "SELECT unnest(%s::bigint[])",
}


def any_of(values: Iterable, db_type: str = "text"):
    """For a lookup `field__in=any_of(values)`: on PostgreSQL, every value as one array
    parameter (one query however many values, which the planner can hash), not one parameter
    each; a list elsewhere. `db_type` is one of ARRAY_SQL's."""
    values = list(values)
    if connection.vendor != "postgresql":
        return values
    return RawSQL(ARRAY_SQL[db_type], (values,))  # noqa: S611 (fixed SQL, values as a parameter)


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new ids from the table's own sequence (PostgreSQL), in one query."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())
