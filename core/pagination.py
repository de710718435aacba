"""Keyset ("seek") pagination: a page costs the same at row 10 and at row 900,000.

The ordering must end in a unique field (normally `id`) and name no nullable field. The cursor
is the ordering values of the row at the page's edge, base64-encoded JSON; a cursor a user has
tampered with just gives the first page.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections
from django.db.models import Q, QuerySet

DEFAULT_PER_PAGE = 50


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def _field_name(term: str) -> str:
    return term.lstrip("-")


def _encode(values: list, direction: str) -> str:
    raw = json.dumps({"v": values, "d": direction}, cls=DjangoJSONEncoder)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str | None, width: int) -> tuple[list, str] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        values, direction = data["v"], data["d"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None
    if not isinstance(values, list) or len(values) != width or direction not in ("n", "p"):
        return None
    return values, direction


def is_valid_cursor(cursor: str, ordering: tuple[str, ...]) -> bool:
    """Whether `cursor` is one this ordering could have made (the API answers 404 if not)."""
    return _decode(cursor, len(ordering)) is not None


def _after(ordering: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `ordering`: (a > x) or (a = x and b > y) ..."""
    condition = Q()
    equal_so_far = Q()
    for term, value in zip(ordering, values, strict=True):
        name = _field_name(term)
        lookup = "lt" if term.startswith("-") else "gt"
        condition |= equal_so_far & Q(**{f"{name}__{lookup}": value})
        equal_so_far &= Q(**{name: value})
    # The same rows, plus a plain bound on the leading term (a <= x): PostgreSQL does not read
    # the OR above as an index range, so without it a deep page scans every row before the
    # cursor (6 s at row 900,000 of 1,000,000; see docs/PERFORMANCE.md).
    first = ordering[0]
    bound = "lte" if first.startswith("-") else "gte"
    return Q(**{f"{_field_name(first)}__{bound}": values[0]}) & condition


def _reverse(ordering: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(term[1:] if term.startswith("-") else f"-{term}" for term in ordering)


def _edge_values(obj, ordering: tuple[str, ...]) -> list:
    values = []
    for term in ordering:
        value = obj
        for part in _field_name(term).split("__"):
            value = getattr(value, part)
        values.append(getattr(value, "pk", value))
    return values


def keyset_paginate(
    queryset: QuerySet,
    *,
    ordering: tuple[str, ...] = ("-created_at", "-id"),
    cursor: str | None = None,
    per_page: int = DEFAULT_PER_PAGE,
) -> KeysetPage:
    """One page of `queryset` in `ordering`, starting after (or before) `cursor`. One query."""
    decoded = _decode(cursor, len(ordering))
    backwards = decoded is not None and decoded[1] == "p"
    order = _reverse(ordering) if backwards else ordering
    qs = queryset.order_by(*order)
    if decoded is not None:
        try:
            qs = qs.filter(_after(order, decoded[0]))
        except (ValueError, TypeError, ValidationError):
            qs = queryset.order_by(*ordering)
            decoded, backwards, order = None, False, ordering
    rows = list(qs[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()
    has_next = more if not backwards else True
    has_previous = decoded is not None and (more if backwards else True)
    return KeysetPage(
        items=rows,
        next_cursor=_encode(_edge_values(rows[-1], ordering), "n") if rows and has_next else None,
        previous_cursor=(
            _encode(_edge_values(rows[0], ordering), "p") if rows and has_previous else None
        ),
    )


# Estimated counts --------------------------------------------------------------------------

ESTIMATE_FROM = 10_000


def estimated_rows(model, using: str = "default") -> int | None:
    """PostgreSQL's estimate of a table's rows (pg_class.reltuples, kept by ANALYZE and
    autovacuum), or None when there is none (never analysed: -1) or it is below ESTIMATE_FROM,
    where a real count is cheap anyway."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(model._meta.db_table)],
        )
        row = cursor.fetchone()
    estimate = row[0] if row else None
    return estimate if estimate is not None and estimate >= ESTIMATE_FROM else None


def _whole_table(queryset) -> bool:
    """True when `queryset` counts every row of its table: no WHERE, no DISTINCT, no slice,
    no GROUP BY or UNION (joins for select_related do not change the count)."""
    query = queryset.query
    return not (
        query.where
        or query.distinct
        or query.is_sliced
        or query.combinator
        or query.group_by is not None
    )


class EstimatedCountPaginator(Paginator):
    """A Django paginator that does not COUNT(*) a whole big table: for an unfiltered
    queryset it takes PostgreSQL's estimate (see estimated_rows) and says so (`estimated`);
    a filtered queryset, or a small or never-analysed table, is counted exactly.

    The admin's change lists of the big tables use it (core.admin.BigTableAdmin). Page numbers
    past the estimate are allowed (an estimate can be low): they are simply empty."""

    estimated = False

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet) and _whole_table(self.object_list):
            estimate = estimated_rows(self.object_list.model, self.object_list.db)
            if estimate is not None:
                self.estimated = True
                return estimate
        return super().count

    def validate_number(self, number):
        if not self.estimated:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def page(self, number):
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
