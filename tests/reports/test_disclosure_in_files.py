"""A count of 3 in an ethnicity breakdown never leaves the server: not in the page, the HTML
file, the CSV, the XLSX or the PDF; and the other hidden counts stop it being worked out from
the totals."""

import csv
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from core.disclosure import SUPPRESSED, _lines, _recoverable
from reports import services
from reports.models import FileKind
from tests.reports.factories import workforce

pytestmark = pytest.mark.django_db

OFFICER, STAFF, PCSO, SPECIAL = "officer", "staff", "pcso", "special"
ASIAN, BLACK, WHITE = (
    "Asian or Asian British",
    "Black, Black British, Caribbean or African",
    "White",
)
CAPTION = "Headcount by ethnic group and staff type on 30/09/2026"


@pytest.fixture
def board_pack(quarter, people_analyst, django_capture_on_commit_callbacks):
    workforce(
        {
            (ASIAN, OFFICER): 3,  # the small cell
            (ASIAN, STAFF): 12,
            (ASIAN, PCSO): 6,
            (ASIAN, SPECIAL): 7,
            (BLACK, OFFICER): 9,
            (BLACK, STAFF): 8,
            (BLACK, PCSO): 5,
            (BLACK, SPECIAL): 6,
            (WHITE, OFFICER): 40,
            (WHITE, STAFF): 30,
            (WHITE, PCSO): 10,
            (WHITE, SPECIAL): 8,
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        run, _ = services.report_run_request(
            actor=people_analyst, report_type="board-pack", period=quarter
        )
    run.refresh_from_db()
    assert run.status == "succeeded", run.error
    return run


def _file(run, kind) -> bytes:
    with run.files.get(kind=kind).file.open("rb") as handle:
        return handle.read()


def _csv_table(run) -> list[list[str]]:
    with zipfile.ZipFile(io.BytesIO(_file(run, FileKind.CSV))) as archive:
        name = next(n for n in archive.namelist() if "headcount-by-ethnic-group" in n)
        return list(csv.reader(io.StringIO(archive.read(name).decode())))


def _row(table, label):
    return next(line for line in table if line[0] == label)


def test_the_cell_of_3_is_hidden_in_the_csv_and_its_row_and_column_have_partners(board_pack):
    table = _csv_table(board_pack)
    header = table[0]
    officer = header.index("Police officer")
    assert _row(table, ASIAN)[officer] == SUPPRESSED
    hidden_in_row = [v for v in _row(table, ASIAN)[1:] if v == SUPPRESSED]
    hidden_in_column = [line[officer] for line in table[1:] if line[officer] == SUPPRESSED]
    assert len(hidden_in_row) >= 2 and len(hidden_in_column) >= 2


def test_no_hidden_count_can_be_worked_out_from_what_the_csv_shows(board_pack):
    table = _csv_table(board_pack)
    body, total = table[1:-1], table[-1]
    n_rows, n_cols = len(body), len(table[0]) - 2  # less the label and the Total column
    hidden = [(i, j) for i in range(n_rows) for j in range(n_cols) if body[i][j + 1] == "[c]"]
    hidden += [(i, "T") for i in range(n_rows) if body[i][-1] == "[c]"]
    hidden += [("T", j) for j in range(n_cols) if total[j + 1] == "[c]"]
    hidden += [("T", "T")] if total[-1] == "[c]" else []
    assert (0, 0) in hidden
    assert _recoverable(sorted(hidden, key=str), _lines(n_rows, n_cols)) == []


def test_the_cell_of_3_is_hidden_in_the_xlsx(board_pack):
    book = load_workbook(io.BytesIO(_file(board_pack, FileKind.XLSX)))
    sheet = next(s for s in book.worksheets if s["A1"].value == CAPTION)
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[1]
    asian = next(r for r in rows if r[0] == ASIAN)
    assert asian[header.index("Police officer")] == SUPPRESSED


def _html_row(html: str, label: str) -> list[str]:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', html)
    return re.findall(r'<td class="num">(.*?)</td>', match.group(1))


def test_the_cell_of_3_is_hidden_in_the_html_file_and_the_page(board_pack, client_for):
    html = _file(board_pack, FileKind.HTML).decode()
    assert _html_row(html, ASIAN)[0] == SUPPRESSED
    page = client_for(board_pack.requested_by).get(f"/reports/runs/{board_pack.pk}/")
    assert _html_row(page.content.decode(), ASIAN)[0] == SUPPRESSED


def _pdf_text(data: bytes, tmp_path) -> str | None:
    """The PDF's text by pdftotext (poppler-utils) or pypdf; None when neither is installed."""
    path = tmp_path / "board-pack.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        done = subprocess.run(  # noqa: S603
            ["pdftotext", str(path), "-"],  # noqa: S607
            capture_output=True,
            check=True,
            text=True,
        )
        return done.stdout
    try:
        import pypdf
    except ImportError:
        return None
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _values_after(text: str) -> list[str]:
    start = text.index(CAPTION) + len(CAPTION)
    end = text.index("Ethnic groups are the five ONS", start)
    cells = text[start:end].replace("(ONS 2021)", "")  # the heading's only number
    return re.findall(r"\[c\]|\d+", cells)


def test_the_cell_of_3_is_hidden_in_the_pdf(board_pack, tmp_path):
    """The PDF's text, in reading order, holds the same values as the CSV: [c] where the 3 is.

    Without a PDF text extractor (neither poppler-utils nor pypdf installed) this checks the
    HTML file instead: the PDF is rendered by WeasyPrint from exactly that HTML.
    """
    expected = [v for line in _csv_table(board_pack)[1:] for v in line[1:]]
    assert expected[0] == SUPPRESSED
    text = _pdf_text(_file(board_pack, FileKind.PDF), tmp_path)
    if text is None:
        html = _file(board_pack, FileKind.HTML).decode()
        text = re.sub(r"<[^>]+>", " ", html[html.index(CAPTION) :])
        text = CAPTION + text[len(CAPTION) :]
    assert _values_after(text) == expected
