from datetime import date
from types import SimpleNamespace

import pytest

from core.exports import Column, _text, export_response


def test_values_are_written_in_uk_style():
    assert _text(date(2026, 4, 1)) == "01/04/2026"
    assert _text(True) == "Yes"
    assert _text(None) == ""
    assert _text("-12.5") == "-12.5"
    assert _text("+44 121") == "'+44 121"


def test_a_column_follows_a_dotted_path_through_blanks():
    row = SimpleNamespace(department=None)
    assert Column("Department", "department.name").of(row) is None


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export_response([], [], filename="x", fmt="pdf")
