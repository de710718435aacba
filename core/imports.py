"""Bulk import from CSV and XLSX, all or nothing (docs/IMPORTS.md).

Each app describes a kind of import with an `ImportSpec` in its own `imports.py` and registers
it (`registry.register(SPEC)`); the registry finds those modules by itself. `run_import` then:

1. reads the file into rows (row 1 holds the headings, so row 2 is the first record);
2. checks every cell of every row, and the rows against each other and against Peel, listing
   every problem by row number and column heading in plain words;
3. writes nothing unless every row is right, and then writes all rows in one transaction,
   updating rows it already has by their natural key, so the same file twice changes nothing.
"""

import csv
import functools
import gc
import io
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, models, transaction
from django.utils.module_loading import autodiscover_modules

MAX_BYTES = 20 * 1024 * 1024
FILE_TYPES = (".csv", ".xlsx")


class UnreadableFile(Exception):
    """The file is not a CSV or XLSX Peel can read; the message says why in plain words."""


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one cell (or row, when `column` is blank) of the file."""

    row: int
    column: str
    message: str


class ImportRefused(Exception):
    """Raised by a spec's `write` when a row turns out wrong while writing: nothing is kept."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problems")


@dataclass(frozen=True)
class ImportColumn:
    """One column of an import: the heading in the file, the name the spec uses for the value,
    whether a value is required, and the parser that turns the cell into a value (raising
    ValueError with a plain-words message). Blank cells are "" (or None when not required)."""

    heading: str
    field: str
    required: bool = False
    parse: Callable[[Any], Any] = field(default=lambda value: _as_text(value))
    help: str = ""


@dataclass
class Row:
    number: int
    values: dict


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run


class ImportSpec:
    """A kind of import. Subclasses set the attributes and implement `write`."""

    kind: str = ""
    label: str = ""
    description: str = ""
    columns: list[ImportColumn] = []
    natural_key: tuple[str, ...] = ()
    # True when the rows record who made them (an EOI's "captured by"): refused without one.
    needs_actor: bool = False

    def may_import(self, user) -> bool:
        """Who may run this import on the page. Refuses everyone unless a spec says otherwise."""
        return False

    def check(self, rows: list[Row]) -> list[Problem]:
        """Checks across rows and against Peel (references, duplicates). May resolve values in
        `row.values` for `write` (such as a department name into the department)."""
        return []

    def write(self, rows: list[Row], *, actor) -> Counts:
        """Create or update every row by its natural key, through the app's services.
        Runs inside the import's transaction; raise ImportRefused to undo everything."""
        raise NotImplementedError

    def heading_of(self, field_name: str) -> str:
        for column in self.columns:
            if column.field == field_name:
                return column.heading
        return ""

    def problems_from(self, row: Row, error: ValidationError) -> list[Problem]:
        """A service's ValidationError as problems in this row, under the right headings."""
        if not hasattr(error, "error_dict"):
            return [Problem(row.number, "", message) for message in error.messages]
        return [
            Problem(row.number, self.heading_of(name), message)
            for name, errors in error.message_dict.items()
            for message in errors
        ]


class Registry:
    """Every kind of import, by its `kind`. Apps' `imports` modules are found on first use."""

    def __init__(self):
        self._specs: dict[str, ImportSpec] = {}
        self._discovered = False

    def register(self, spec: ImportSpec) -> ImportSpec:
        known = self._specs.get(spec.kind)
        if known is not None and type(known) is not type(spec):
            raise ValueError(f"Import kind {spec.kind!r} is registered twice.")
        self._specs[spec.kind] = spec
        return spec

    def _discover(self):
        if not self._discovered:
            self._discovered = True
            autodiscover_modules("imports")

    def get(self, kind: str) -> ImportSpec:
        self._discover()
        return self._specs[kind]

    def all(self) -> list[ImportSpec]:
        self._discover()
        return sorted(self._specs.values(), key=lambda spec: spec.label)

    def for_user(self, user) -> list[ImportSpec]:
        return [spec for spec in self.all() if spec.may_import(user)]


registry = Registry()


# Parsers: each takes a cell (text from a CSV; text, number or date from XLSX) -----------


def _as_text(value) -> str:
    if type(value) is str:  # every CSV cell: the quick way
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def text(max_length: int | None = None) -> Callable[[Any], str]:
    def parse(value) -> str:
        result = _as_text(value)
        if max_length and len(result) > max_length:
            raise ValueError(f"This is {len(result)} characters long; keep it to {max_length}.")
        return result

    return parse


def uk_date(value) -> date:
    """A date written dd/mm/yyyy (or a real date cell in a spreadsheet)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _uk_date(_as_text(value))


@functools.lru_cache(maxsize=4096)  # a file has few distinct dates; strptime is slow
def _uk_date(raw: str) -> date:
    try:
        return datetime.strptime(raw, "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(
            f"'{raw}' is not a date Peel can read: write it as day/month/year, "
            "for example 01/04/2024."
        ) from None


def email(value) -> str:
    raw = _as_text(value)
    try:
        validate_email(raw)
    except ValidationError:
        raise ValueError(f"'{raw}' is not an email address.") from None
    return raw


def choice(choices: type[models.TextChoices]) -> Callable[[Any], str]:
    """One of `choices`, written as its label ("Police officer") or its code ("officer")."""
    lookup = {}
    for value, label in choices.choices:
        lookup[str(value).lower()] = value
        lookup[str(label).lower()] = value
    allowed = ", ".join(str(label) for _, label in choices.choices)

    def parse(value) -> str:
        raw = _as_text(value)
        try:
            return lookup[raw.lower()]
        except KeyError:
            raise ValueError(f"'{raw}' is not one Peel knows. Use one of: {allowed}.") from None

    return parse


def money(value) -> Decimal:
    """An amount in pounds, with or without the £ sign and thousands commas."""
    raw = _as_text(value).replace("£", "").replace(",", "")
    try:
        amount = Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"'{_as_text(value)}' is not an amount of money.") from None
    return amount


def whole_number(value) -> int:
    raw = _as_text(value)
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"'{raw}' is not a whole number.") from None


def yes_no(value) -> bool:
    raw = _as_text(value).lower()
    if raw in ("yes", "y", "true", "1"):
        return True
    if raw in ("no", "n", "false", "0"):
        return False
    raise ValueError(f"'{_as_text(value)}' is not yes or no.")


# Reading files --------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("The file's text could not be read: save it as CSV UTF-8.")


def _read_csv(data: bytes) -> list[list]:
    try:
        return list(csv.reader(io.StringIO(_decode(data), newline="")))
    except csv.Error as error:
        raise UnreadableFile(f"The file is not a CSV Peel can read ({error}).") from None


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error for a damaged file
        raise UnreadableFile("The file is not an Excel workbook (.xlsx) Peel can read.") from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(name: str, data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """(headings, [(row number, cells)]) from a CSV or XLSX file; blank rows are left out."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if f".{suffix}" not in FILE_TYPES:
        raise UnreadableFile("Peel reads .csv and .xlsx files only.")
    table = _read_xlsx(data) if suffix == "xlsx" else _read_csv(data)
    if not table:
        raise UnreadableFile("The file is empty.")
    headings = [_as_text(cell) for cell in table[0]]
    rows = [
        (number, cells)
        for number, cells in enumerate(table[1:], start=2)
        if any(_as_text(cell) for cell in cells)
    ]
    limit = settings.PEEL_IMPORT_MAX_ROWS
    if len(rows) > limit:
        raise UnreadableFile(
            f"The file has {len(rows):,} rows; Peel imports at most {limit:,} rows from one "
            "file. Split it into smaller files and import each."
        )
    return headings, rows


# Checking and writing --------------------------------------------------------------------


def _locate_columns(spec: ImportSpec, headings: list[str]) -> tuple[dict, list[Problem]]:
    where = {heading.lower(): index for index, heading in enumerate(headings) if heading}
    positions, problems = {}, []
    for column in spec.columns:
        index = where.get(column.heading.lower())
        if index is None and column.required:
            problems.append(
                Problem(1, column.heading, f"The column '{column.heading}' is missing.")
            )
        positions[column.field] = index
    return positions, problems


def _parse_cell(column: ImportColumn, raw) -> tuple[Any, str | None]:
    if not _as_text(raw):
        if column.required:
            return None, f"Give the {column.heading.lower()}."
        return "", None
    try:
        return column.parse(raw), None
    except ValueError as error:
        return None, str(error)


def _parse_row(spec: ImportSpec, positions: dict, number: int, cells) -> tuple[dict, list]:
    values, problems = {}, []
    for column in spec.columns:
        index = positions[column.field]
        raw = cells[index] if index is not None and index < len(cells) else None
        values[column.field], message = _parse_cell(column, raw)
        if message:
            problems.append(Problem(number, column.heading, message))
    return values, problems


def _parse_rows(spec: ImportSpec, positions: dict, raw_rows) -> tuple[list[Row], list[Problem]]:
    """Every cell parsed; rows with a bad cell are left out of the rows returned, but their
    natural keys still count when looking for repeated rows."""
    rows, keyed, problems = [], [], []
    for number, cells in raw_rows:
        values, row_problems = _parse_row(spec, positions, number, cells)
        problems += row_problems
        if not row_problems:
            rows.append(Row(number, values))
        if all(values[name] not in (None, "") for name in spec.natural_key):
            keyed.append(Row(number, values))
    return rows, problems + _duplicates(spec, keyed)


def _duplicates(spec: ImportSpec, rows: list[Row]) -> list[Problem]:
    if not spec.natural_key:
        return []
    first_seen, problems = {}, []
    heading = spec.heading_of(spec.natural_key[0])
    for row in rows:
        key = tuple(str(row.values[name]).lower() for name in spec.natural_key)
        if key in first_seen:
            problems.append(Problem(row.number, heading, f"This repeats row {first_seen[key]}."))
        else:
            first_seen[key] = row.number
    return problems


def check_file(spec: ImportSpec, name: str, data: bytes) -> tuple[list[Row], list[Problem]]:
    """Every row parsed and checked; the problems found, in row order. Writes nothing."""
    try:
        headings, raw_rows = read_table(name, data)
    except UnreadableFile as error:
        return [], [Problem(0, "", str(error))]
    positions, problems = _locate_columns(spec, headings)
    if problems:
        return [], problems
    rows, problems = _parse_rows(spec, positions, raw_rows)
    if not problems:  # checks against Peel need every row clean (a manager may be in the file)
        problems += spec.check(rows)
    return rows, sorted(problems, key=lambda p: (p.row, _order(spec, p.column)))


def _order(spec: ImportSpec, heading: str) -> int:
    headings = [column.heading for column in spec.columns]
    return headings.index(heading) if heading in headings else -1


def run_import(
    spec: ImportSpec, *, name: str, data: bytes, actor, dry_run: bool = False
) -> ImportResult:
    """Check the whole file, then write every row in one transaction, or nothing at all.

    With `dry_run` the rows are written, the database's deferred checks (such as foreign keys)
    are made as a commit would make them, and then everything is rolled back: the counts are
    real, a file that would fail on commit fails here too, and nothing is kept. Returns the
    problems found (nothing written) or the counts.
    """
    if spec.needs_actor and actor is None:
        problem = Problem(
            0,
            "",
            f"This import ({spec.label or spec.kind}) records who captured each row: "
            "run it as a named colleague (on the command line, --actor STAFF_NUMBER).",
        )
        return ImportResult(kind=spec.kind, rows=0, problems=[problem], dry_run=dry_run)
    with _few_collections():
        rows, problems = check_file(spec, name, data)
        result = ImportResult(kind=spec.kind, rows=len(rows), problems=problems, dry_run=dry_run)
        if problems:
            return result
        try:
            with transaction.atomic():
                result.counts = spec.write(rows, actor=actor)
                if dry_run:
                    _check_deferred_constraints()
                    transaction.set_rollback(True)
        except ImportRefused as refused:
            result.problems = sorted(
                refused.problems, key=lambda p: (p.row, _order(spec, p.column))
            )
            result.counts = Counts()
        return result


@contextmanager
def _few_collections():
    """No cyclic garbage collection while an import runs: its rows are hundreds of thousands
    of long-lived objects, which Python's collector would otherwise scan again and again
    (a third of a 100,000-row import's Python time). Restores what was there before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_deferred_constraints():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def audit_many(*, actor, action: str, objs: Iterable[models.Model], data: dict | None = None):
    """`core.audit.audit_action` for many records at once (for bulk imports): the same entry
    for each, written with `core.bulk.insert_many`."""
    from auditlog.cid import get_cid
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from core import bulk

    objs = list(objs)
    actor = actor if getattr(actor, "is_authenticated", False) else None
    fixed = {
        "action": LogEntry.Action.UPDATE,
        "actor": actor,
        "changes_text": action,
        "cid": get_cid(),
    }
    additional_data = {"action": action, **(data or {})}
    entries = []
    for model, records in _by_model(objs).items():
        fixed["content_type"] = ContentType.objects.get_for_model(model)
        records = [
            {
                "object_pk": str(obj.pk),
                "object_id": obj.pk,
                "object_repr": str(obj)[:200],
                "additional_data": additional_data,  # one dict for all: written, not changed
            }
            for obj in records
        ]
        entries += bulk.new_many(LogEntry, records, fixed=fixed)
    bulk.insert_many(LogEntry, entries)


def _by_model(objs: list[models.Model]) -> dict:
    grouped: dict = {}
    for obj in objs:
        grouped.setdefault(type(obj), []).append(obj)
    return grouped
