"""Any list a user can see, as CSV or XLSX, from the same scoped queryset as its page.

A view builds the queryset it shows (through its selector, scoped by user) and a column spec,
then returns `export_response(...)` when `?format=csv` or `?format=xlsx` is asked for:

    fmt = export_format(request)
    if fmt:
        return export_response(rows, TEAM_COLUMNS, filename="my-team", fmt=fmt)
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """One column: its heading and how to get the value from a row (an attribute path with
    dots, such as "department.name", or a function of the row)."""

    heading: str
    value: str | Callable

    def of(self, row):
        if callable(self.value):
            return self.value(row)
        for part in self.value.split("."):
            row = None if row is None else getattr(row, part)
        return row() if callable(row) else row


def export_format(request) -> str | None:
    """'csv' or 'xlsx' when the request asks for an export (`?format=`), else None."""
    fmt = request.GET.get("format", "").lower()
    return fmt if fmt in FORMATS else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value.tzinfo else ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


class _Echo:
    def write(self, value):
        return value


def csv_response(rows: Iterable, columns: list[Column], *, filename: str) -> StreamingHttpResponse:
    """Stream rows as CSV (UTF-8 with a byte-order mark so Excel reads it), dates d/m/Y."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([c.heading for c in columns])
        for row in rows:
            yield writer.writerow([_text(c.of(row)) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _cell(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date | int | float | Decimal) and not isinstance(value, bool):
        return value
    return _text(value)


def xlsx_response(rows: Iterable, columns: list[Column], *, filename: str) -> HttpResponse:
    """Rows as an Excel workbook: one sheet, bold headings, real dates shown d/m/Y."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=filename[:31])
    headings = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.heading)
        cell.font = Font(bold=True)
        headings.append(cell)
    sheet.append(headings)
    for row in rows:
        cells = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=_cell(column.of(row)))
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def export_response(rows: Iterable, columns: list[Column], *, filename: str, fmt: str):
    """The rows as a CSV or XLSX download. Give it the page's own scoped queryset."""
    if hasattr(rows, "iterator"):
        rows = rows.iterator(chunk_size=2000)
    if fmt == "csv":
        return csv_response(rows, columns, filename=filename)
    if fmt == "xlsx":
        return xlsx_response(rows, columns, filename=filename)
    raise ValueError(f"Unknown export format {fmt!r}.")
