"""The colleagues import (HR extract): all rows or none, every problem by row and column,
the same file twice changes nothing, and 10,000 colleagues in one go."""

import csv
import io
import time
from datetime import date

import pytest
from openpyxl import Workbook

from core.imports import registry, run_import
from people.models import EmploymentRecord, User
from tests.factories import DepartmentFactory

HEADINGS = [
    "Staff number",
    "First name",
    "Last name",
    "Email",
    "Person type",
    "Rank or grade",
    "Department",
    "Line manager staff number",
    "Entry route",
    "Start date",
]


def colleague_row(n: int, **changes) -> dict:
    row = {
        "Staff number": f"HR{n:05d}",
        "First name": f"First{n}",
        "Last name": f"Last{n}",
        "Email": f"hr{n}@peel.test",
        "Person type": "Police officer" if n % 3 else "Police staff",
        "Rank or grade": "Constable" if n % 3 else "Grade E",
        "Department": "Birmingham West NPU",
        "Line manager staff number": "HR00000" if n else "",
        "Entry route": "PCDA" if n % 3 else "Police staff",
        "Start date": "01/04/2024",
    }
    row.update(changes)
    return row


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADINGS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def colleagues_file(count: int, **changes_by_index) -> bytes:
    rows = [colleague_row(n) for n in range(count)]
    for index, changes in changes_by_index.items():
        rows[int(index.lstrip("r"))].update(changes)
    return as_csv(rows)


def run(data: bytes, *, actor=None, name="extract.csv", dry_run=False):
    return run_import(
        registry.get("colleagues"), name=name, data=data, actor=actor, dry_run=dry_run
    )


def snapshot():
    people = list(
        User.objects.filter(staff_number__startswith="HR")
        .order_by("staff_number")
        .values_list(
            "staff_number",
            "first_name",
            "rank",
            "grade",
            "department",
            "line_manager__staff_number",
        )
    )
    history = list(
        EmploymentRecord.objects.filter(person__staff_number__startswith="HR")
        .order_by("person__staff_number", "valid_from")
        .values_list(
            "person__staff_number",
            "valid_from",
            "valid_to",
            "department",
            "line_manager__staff_number",
            "reason",
        )
    )
    return people, history


@pytest.fixture
def departments(home_department, other_department):
    return home_department, other_department


def test_it_creates_colleagues_with_their_first_history_row(departments, admin_user):
    result = run(colleagues_file(5), actor=admin_user)
    assert result.ok, result.problems
    assert (result.counts.created, result.counts.updated, result.counts.unchanged) == (5, 0, 0)
    constable = User.objects.get(staff_number="HR00001")
    assert constable.rank == "constable" and constable.grade == ""
    assert constable.line_manager.staff_number == "HR00000"
    assert constable.start_date == date(2024, 4, 1)
    assert User.objects.get(staff_number="HR00003").grade == "Grade E"
    record = constable.employment_history.get()
    assert record.valid_from == date(2024, 4, 1) and record.valid_to is None
    assert record.line_manager.staff_number == "HR00000"
    assert record.department.name == "Birmingham West NPU"


def test_one_bad_row_among_a_thousand_writes_nothing_and_says_where(departments):
    data = colleagues_file(1000, r500={"Start date": "31/02/2024"})
    result = run(data)
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [(502, "Start date")]
    assert "'31/02/2024' is not a date" in result.problems[0].message
    assert not User.objects.filter(staff_number__startswith="HR").exists()


def test_the_same_good_file_twice_changes_nothing(departments):
    data = colleagues_file(300)  # enough to take the bulk path
    first = run(data)
    assert first.counts.created == 300
    before = snapshot()
    second = run(data)
    assert second.ok
    assert (second.counts.created, second.counts.updated, second.counts.unchanged) == (0, 0, 300)
    assert snapshot() == before


def test_small_and_bulk_imports_leave_the_same_records(departments):
    run(colleagues_file(5))  # one by one, through people.services
    small_people, small_history = snapshot()
    EmploymentRecord.objects.filter(person__staff_number__startswith="HR").delete()
    User.objects.filter(staff_number__startswith="HR").delete()
    run(colleagues_file(250))  # in bulk
    people, history = snapshot()
    assert people[:5] == small_people
    assert history[:5] == small_history
    assert len(history) == 250


def test_every_problem_is_listed_by_row_and_column(departments):
    rows = [
        colleague_row(0),
        colleague_row(1, **{"First name": ""}),
        colleague_row(2, **{"Person type": "Wizard"}),
        colleague_row(3, **{"Department": "Atlantis"}),
        colleague_row(4, **{"Line manager staff number": "NOBODY"}),
        colleague_row(5, **{"Rank or grade": "Admiral"}),
        colleague_row(6, **{"Email": "not-an-email"}),
        colleague_row(1),
        colleague_row(8, **{"Line manager staff number": "HR00008"}),
    ]
    result = run(as_csv(rows))
    found = {(p.row, p.column) for p in result.problems}
    assert found == {
        (3, "First name"),
        (4, "Person type"),
        (8, "Email"),
        (9, "Staff number"),
    }  # the cells first: the checks against Peel need every row clean
    assert "Give the first name." in [p.message for p in result.problems]
    assert "repeats row 3" in next(p.message for p in result.problems if p.row == 9)
    result = run(as_csv([r for i, r in enumerate(rows) if i not in (1, 2, 6, 7)]))
    assert {(p.row, p.column) for p in result.problems} == {
        (3, "Department"),
        (4, "Line manager staff number"),
        (5, "Rank or grade"),
        (6, "Line manager staff number"),
    }
    assert "There is no department called 'Atlantis'" in result.problems[0].message
    assert not User.objects.filter(staff_number__startswith="HR").exists()


def test_a_missing_column_is_named(departments):
    data = b"Staff number,First name\nHR1,Ann\n"
    result = run(data)
    assert (1, "Last name") in {(p.row, p.column) for p in result.problems}
    assert "The column 'Last name' is missing." in [p.message for p in result.problems]


def test_a_file_that_is_not_csv_or_xlsx_is_refused(departments):
    result = run(b"%PDF", name="extract.pdf")
    assert [p.message for p in result.problems] == ["Peel reads .csv and .xlsx files only."]
    result = run(b"not a zip", name="extract.xlsx")
    assert "not an Excel workbook" in result.problems[0].message


def test_it_reads_xlsx_with_real_dates_and_numeric_staff_numbers(departments):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    sheet.append(
        [
            12345,
            "Ann",
            "Lee",
            "",
            "Police staff",
            "Grade C",
            "Coventry NPU",
            "",
            "",
            date(2023, 5, 2),
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    result = run(buffer.getvalue(), name="extract.xlsx")
    assert result.ok, result.problems
    person = User.objects.get(staff_number="12345")
    assert person.start_date == date(2023, 5, 2)
    assert person.department.name == "Coventry NPU"


def test_a_change_becomes_history_from_today(departments):
    run(colleagues_file(3))
    data = as_csv(
        [
            colleague_row(0),
            colleague_row(1, **{"Department": "Coventry NPU", "Rank or grade": "Sergeant"}),
            colleague_row(2, **{"Last name": "Married-Name"}),
        ]
    )
    result = run(data)
    assert (result.counts.created, result.counts.updated, result.counts.unchanged) == (0, 2, 1)
    moved = User.objects.get(staff_number="HR00001")
    assert (moved.department.name, moved.rank) == ("Coventry NPU", "sergeant")
    old, new = moved.employment_history.order_by("valid_from")
    assert old.valid_to == new.valid_from == date.today()
    assert new.reason == "HR extract" and new.rank == "sergeant"
    renamed = User.objects.get(staff_number="HR00002")
    assert renamed.last_name == "Married-Name"
    assert renamed.employment_history.count() == 1  # a correction, not history
    assert run(data).counts.unchanged == 3


def test_an_import_does_not_move_a_start_date(departments):
    run(colleagues_file(2))
    result = run(as_csv([colleague_row(0), colleague_row(1, **{"Start date": "02/04/2024"})]))
    assert [(p.row, p.column) for p in result.problems] == [(3, "Start date")]
    assert "Peel has 01/04/2024" in result.problems[0].message


def test_a_dry_run_counts_but_keeps_nothing(departments):
    result = run(colleagues_file(4), dry_run=True)
    assert result.ok and result.counts.created == 4 and not result.written
    assert not User.objects.filter(staff_number__startswith="HR").exists()


def test_ten_thousand_colleagues_import_in_one_go(departments, capsys):
    data = colleagues_file(10_000)
    started = time.perf_counter()
    result = run(data)
    took = time.perf_counter() - started
    assert result.ok, result.problems[:3]
    assert result.counts.created == 10_000
    assert EmploymentRecord.objects.filter(person__staff_number__startswith="HR").count() == 10_000
    assert (
        EmploymentRecord.objects.filter(
            person__staff_number__startswith="HR", line_manager__staff_number="HR00000"
        ).count()
        == 9_999
    )
    assert User.objects.filter(line_manager__staff_number="HR00000").count() == 9_999
    started = time.perf_counter()
    again = run(data)
    took_again = time.perf_counter() - started
    assert again.counts.unchanged == 10_000
    with capsys.disabled():
        print(f"\n10,000 colleagues: first import {took:.1f}s, same file again {took_again:.1f}s")
    assert took < 120


def test_only_admins_may_import_colleagues(cast):
    spec = registry.get("colleagues")
    assert [name for name, user in cast.items() if spec.may_import(user)] == ["admin"]


def test_a_department_in_another_case_is_found(departments):
    result = run(as_csv([colleague_row(0, Department="birmingham west npu")]))
    assert result.ok
    assert User.objects.get(staff_number="HR00000").department == departments[0]


def test_the_documented_sample_imports_cleanly(db):
    from pathlib import Path

    from django.conf import settings

    for name in ("Birmingham West NPU", "Coventry NPU", "Wolverhampton NPU"):
        DepartmentFactory(name=name)
    sample = Path(settings.BASE_DIR) / "docs" / "samples" / "colleagues.csv"
    result = run(sample.read_bytes(), name=sample.name)
    assert result.ok, result.problems
    assert result.counts.created == 7
    assert User.objects.get(staff_number="HR1003").line_manager.staff_number == "HR1002"


def test_a_known_colleague_can_report_to_a_new_one(departments):
    run(colleagues_file(3))
    rows = [colleague_row(n) for n in range(3)]
    rows[2]["Line manager staff number"] = "HR00009"
    rows.append(colleague_row(9, **{"Line manager staff number": ""}))
    result = run(as_csv(rows))
    assert (result.counts.created, result.counts.updated, result.counts.unchanged) == (1, 1, 2)
    moved = User.objects.get(staff_number="HR00002")
    assert moved.line_manager.staff_number == "HR00009"
    assert moved.employment_history.get(valid_to=None).line_manager == moved.line_manager


@pytest.mark.parametrize("count", [4, 250])
def test_two_colleagues_may_manage_each_other(departments, count):
    rows = [colleague_row(n) for n in range(count)]
    rows[0]["Line manager staff number"] = "HR00001"
    result = run(as_csv(rows))
    assert result.ok, result.problems
    first, second = User.objects.filter(staff_number__in=["HR00000", "HR00001"]).order_by(
        "staff_number"
    )
    assert first.line_manager == second and second.line_manager == first
    assert first.employment_history.get().line_manager == second
    assert run(as_csv(rows)).counts.unchanged == count
