"""The import framework: the page, the command, the registry, the parsers."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from core import imports
from core.imports import ImportSpec, Registry
from people.models import PersonType, User
from tests.people.test_imports import colleague_row, colleagues_file


@pytest.fixture
def departments(home_department, other_department):
    return home_department, other_department


def upload(client, data: bytes, *, name="extract.csv", dry_run=False):
    payload = {"kind": "colleagues", "file": SimpleUploadedFile(name, data)}
    if dry_run:
        payload["dry_run"] = "on"
    return client.post("/imports/", payload)


def test_the_page_imports_a_good_file(client_for, admin_user, departments):
    response = upload(client_for(admin_user), colleagues_file(3))
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 rows:" in page and "3 created, 0 updated, 0 unchanged" in page
    assert User.objects.filter(staff_number__startswith="HR").count() == 3


def test_the_page_lists_every_problem_and_keeps_nothing(client_for, admin_user, departments):
    data = colleagues_file(4, r2={"Start date": "2024-04-01"})
    page = upload(client_for(admin_user), data).content.decode()
    assert "Nothing was imported" in page
    assert "<td>4</td><td>Start date</td>" in page
    assert not User.objects.filter(staff_number__startswith="HR").exists()


def test_the_page_can_check_without_keeping(client_for, admin_user, departments):
    page = upload(client_for(admin_user), colleagues_file(2), dry_run=True).content.decode()
    assert "Checked: nothing was kept" in page
    assert not User.objects.filter(staff_number__startswith="HR").exists()


def test_the_page_is_for_those_who_may_import_a_kind(client, client_for, cast):
    assert client.get("/imports/").status_code == 302
    for name in ("people_analyst", "manager", "outsider", "ambassador"):
        assert client_for(cast[name]).get("/imports/").status_code == 403
    page = client_for(cast["admin"]).get("/imports/").content.decode()
    assert "Colleagues (HR extract)" in page and "Line manager staff number" in page
    page = client_for(cast["recruitment_officer"]).get("/imports/").content.decode()
    assert "sign-up sheet" in page and "Colleagues (HR extract)" not in page


def test_a_kind_the_user_may_not_import_is_refused(client_for, admin_user):
    response = client_for(admin_user).post(
        "/imports/", {"kind": "nonsense", "file": SimpleUploadedFile("a.csv", b"x")}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_headings_template_downloads(client_for, admin_user, colleague):
    response = client_for(admin_user).get("/imports/colleagues/template.csv")
    assert response.content.decode("utf-8-sig").startswith("Staff number,First name,")
    assert client_for(admin_user).get("/imports/nonsense/template.csv").status_code == 404
    assert client_for(colleague).get("/imports/colleagues/template.csv").status_code == 403


def test_the_command_imports_and_reports_counts(tmp_path, departments, capsys):
    path = tmp_path / "extract.csv"
    path.write_bytes(colleagues_file(3))
    call_command("import_data", "colleagues", str(path), "--dry-run")
    assert "Would import 3 rows: 3 created" in capsys.readouterr().out
    assert not User.objects.filter(staff_number__startswith="HR").exists()
    call_command("import_data", "colleagues", str(path))
    call_command("import_data", "colleagues", str(path))
    assert "0 created, 0 updated, 3 unchanged" in capsys.readouterr().out


def test_the_command_lists_problems_and_fails(tmp_path, departments, capsys):
    path = tmp_path / "extract.csv"
    path.write_bytes(colleagues_file(3, r1={"Person type": "Wizard"}))
    with pytest.raises(CommandError, match="1 problem: nothing was imported"):
        call_command("import_data", "colleagues", str(path))
    assert "Row 3, Person type: 'Wizard' is not one Peel knows" in capsys.readouterr().err
    with pytest.raises(CommandError, match="no import called 'spaceships'"):
        call_command("import_data", "spaceships", str(path))


def test_a_kind_is_registered_once():
    registry = Registry()

    class One(ImportSpec):
        kind = "one"

    class Other(ImportSpec):
        kind = "one"

    registry.register(One())
    registry.register(One())  # the same spec again (a module imported twice) is fine
    with pytest.raises(ValueError):
        registry.register(Other())


def test_a_spec_refuses_everyone_unless_it_says_otherwise(admin_user):
    assert not ImportSpec().may_import(admin_user)


def test_the_parsers_speak_plainly():
    assert imports.uk_date("01/04/2024") == date(2024, 4, 1)
    with pytest.raises(ValueError, match="day/month/year"):
        imports.uk_date("2024-04-01")
    assert imports.choice(PersonType)("police OFFICER") == "officer"
    assert imports.choice(PersonType)("pcso") == "pcso"
    assert imports.money("£1,234.5") == Decimal("1234.50")
    with pytest.raises(ValueError, match="not an amount of money"):
        imports.money("lots")
    assert imports.whole_number(12.0) == 12
    assert imports.yes_no("Y") is True
    with pytest.raises(ValueError, match="keep it to 3"):
        imports.text(3)("abcd")


def test_blank_rows_are_skipped_and_rows_keep_their_numbers(departments):
    data = colleagues_file(2) + b",,,,,,,,,\n" + b"HR9,A,B,,Wizard,,,,,01/01/2024\n"
    result = imports.run_import(
        imports.registry.get("colleagues"), name="x.csv", data=data, actor=None
    )
    assert [(p.row, p.column) for p in result.problems] == [(5, "Person type")]


def test_a_cp1252_file_is_read(departments):
    row = colleague_row(0, **{"Last name": "Zoë"})
    data = (
        "Staff number,First name,Last name,Person type,Start date\n"
        f"{row['Staff number']},Ann,{row['Last name']},Police staff,01/04/2024\n"
    ).encode("cp1252")
    result = imports.run_import(
        imports.registry.get("colleagues"), name="x.csv", data=data, actor=None
    )
    assert result.ok, result.problems
    assert User.objects.get(staff_number="HR00000").last_name == "Zoë"


def test_one_file_holds_at_most_the_row_limit_setting(departments, settings):
    settings.PEEL_IMPORT_MAX_ROWS = 3
    spec = imports.registry.get("colleagues")
    result = imports.run_import(spec, name="x.csv", data=colleagues_file(4), actor=None)
    assert [(p.row, p.column) for p in result.problems] == [(0, "")]
    assert result.problems[0].message == (
        "The file has 4 rows; Peel imports at most 3 rows from one file. "
        "Split it into smaller files and import each."
    )
    assert not User.objects.filter(staff_number__startswith="HR").exists()
    blank_rows_do_not_count = colleagues_file(3) + b",,,,,,,,,\n"
    assert imports.run_import(spec, name="x.csv", data=blank_rows_do_not_count, actor=None).ok


def test_the_row_limit_is_100000_unless_set():
    from django.conf import settings

    assert settings.PEEL_IMPORT_MAX_ROWS == 100_000
