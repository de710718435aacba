"""A run's content to files: HTML, PDF (WeasyPrint from that same HTML), XLSX (a sheet per
table) and CSV (one per table, zipped). Every function takes the content dict and returns bytes.

Tables reach here already disclosure-controlled (reports.registry.Table), so the files hold only
what the page shows.
"""

import csv
import io
import logging
import re
import zipfile

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from reports.models import FileKind

CSS_PATH = "reports/report.css"


def _css() -> str:
    path = finders.find(CSS_PATH)
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def tables_of(content: dict):
    """(section, table) for every table, in order."""
    for section in content["sections"]:
        for table in section["tables"]:
            yield section, table


def render_html(content: dict) -> bytes:
    html = render_to_string("reports/document.html", {"content": content, "css": _css()})
    return html.encode("utf-8")


def render_pdf(html: bytes) -> bytes:
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # it narrates every step
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    from weasyprint import HTML  # imported late: it loads Pango, which only workers need

    return HTML(string=html.decode("utf-8")).write_pdf()


def _line_values(line):
    return ["" if value is None else value for value in line]


def render_csv_zip(content: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n, (_section, table) in enumerate(tables_of(content), start=1):
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(table["columns"])
            for line in table["rows"] + table["footer"]:
                writer.writerow(_line_values(line))
            archive.writestr(f"{n:02d}-{slugify(table['caption'])[:60]}.csv", text.getvalue())
        archive.writestr("NOTES.txt", _notes_text(content))
    return buffer.getvalue()


def _notes_text(content: dict) -> str:
    lines = [content["title"], content["period_label"], ""]
    for section in content["sections"]:
        lines.append(section["title"])
        lines.extend(f"- {note}" for note in section["notes"])
        lines.append("")
    return "\n".join(lines)


SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(n: int, caption: str) -> str:
    return f"{n} {SHEET_NAME_FORBIDDEN.sub('', caption)}"[:31]


def render_xlsx(content: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for n, (section, table) in enumerate(tables_of(content), start=1):
        sheet = workbook.create_sheet(_sheet_name(n, table["caption"]))
        sheet.append([table["caption"]])
        sheet["A1"].font = Font(bold=True)
        sheet.append(table["columns"])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for line in table["rows"] + table["footer"]:
            sheet.append(_line_values(line))
        sheet.append([])
        for note in section["notes"]:
            sheet.append([note])
        sheet.column_dimensions["A"].width = 34
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_all(content: dict, progress=None) -> dict[str, bytes]:
    """Every file of a run, keyed by FileKind; `progress(kind)` after each."""
    html = render_html(content)
    files = {FileKind.HTML: html}
    for kind, make in (
        (FileKind.PDF, lambda: render_pdf(html)),
        (FileKind.XLSX, lambda: render_xlsx(content)),
        (FileKind.CSV, lambda: render_csv_zip(content)),
    ):
        files[kind] = make()
        if progress:
            progress(kind)
    return files
