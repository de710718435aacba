"""The EOI sign-up sheet import: all rows or none, every problem by row and column, the same
file twice changes nothing, the bulk path leaves what eoi_create leaves, and 10,000 EOIs in
one go in a number of queries that does not grow with the rows."""

import csv
import gc
import io
import time
from datetime import date
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from core import bulk
from core.imports import registry, run_import
from recruitment import imports as eoi_imports
from recruitment.models import Candidate, EOISource, ExpressionOfInterest, StageResult
from tests.recruitment.factories import CampaignFactory, CandidateFactory

EOI = ExpressionOfInterest
HEADINGS = [
    "First name",
    "Last name",
    "Email",
    "Phone",
    "Postcode",
    "Route",
    "Consent to contact",
    "Campaign",
    "Signed up",
]
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "eois.csv"


@pytest.fixture
def campaign(db):
    return CampaignFactory(name="Perry Barr careers fair")


def sign_up(n: int, **changes) -> dict:
    row = {
        "First name": f"First{n}",
        "Last name": f"Last{n}",
        "Email": f"person{n}@example.com",
        "Phone": f"07700 9{n:05d}",
        "Postcode": "B42 1AA",
        "Route": "PCDA" if n % 2 else "DHEP",
        "Consent to contact": "Yes",
        "Campaign": "Perry Barr careers fair",
        "Signed up": "02/03/2026",
    }
    row.update(changes)
    return row


def sheet(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADINGS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def run(data: bytes, actor):
    return run_import(registry.get("eois"), name="sheet.csv", data=data, actor=actor)


def snapshot():
    return sorted(
        EOI.objects.values_list("email", "first_name", "phone", "postcode", "route", "status")
    )


def test_it_captures_each_sign_up_at_its_campaign(campaign, recruitment_officer):
    result = run(sheet([sign_up(n) for n in range(3)]), recruitment_officer)
    assert result.ok, result.problems
    assert (result.counts.created, result.counts.updated) == (3, 0)
    eoi = EOI.objects.get(email="person1@example.com")
    assert (eoi.phone, eoi.route, eoi.captured_by) == ("+447700900001", "pcda", recruitment_officer)
    source = eoi.sources.get()
    assert (source.campaign, source.channel) == (campaign, "event")


def test_one_bad_row_among_a_thousand_writes_nothing_and_says_where(campaign, recruitment_officer):
    rows = [sign_up(n) for n in range(1000)]
    rows[500]["Postcode"] = "not a postcode"
    result = run(sheet(rows), recruitment_officer)
    assert [(p.row, p.column) for p in result.problems] == [(502, "Postcode")]
    assert "UK postcode" in result.problems[0].message
    assert EOI.objects.count() == 0 and EOISource.objects.count() == 0


def test_the_same_good_file_twice_changes_nothing(campaign, recruitment_officer):
    data = sheet([sign_up(n) for n in range(300)])  # above the bulk threshold
    first = run(data, recruitment_officer)
    assert first.counts.created == 300
    before = snapshot()
    again = run(data, recruitment_officer)
    assert (again.counts.created, again.counts.updated, again.counts.unchanged) == (0, 0, 300)
    assert snapshot() == before
    assert EOISource.objects.count() == 300


def test_a_small_file_twice_changes_nothing_and_a_change_updates(campaign, recruitment_officer):
    data = sheet([sign_up(n) for n in range(5)])
    assert run(data, recruitment_officer).counts.created == 5
    assert run(data, recruitment_officer).counts.unchanged == 5
    changed = run(sheet([sign_up(0, Postcode="B1 1AA")]), recruitment_officer)
    assert changed.counts.updated == 1
    assert EOI.objects.get(email="person0@example.com").postcode == "B1 1AA"
    assert EOI.objects.count() == 5


def test_every_problem_is_listed_by_row_and_column(campaign, recruitment_officer):
    rows = [
        sign_up(0, **{"Consent to contact": "No"}),
        sign_up(1, Campaign="Nowhere fair"),
        sign_up(2, Route="Astronaut", Phone="12"),
        sign_up(0),
    ]
    result = run(sheet(rows), recruitment_officer)
    found = [(p.row, p.column) for p in result.problems]
    assert found == [(2, "Consent to contact"), (4, "Phone"), (4, "Route"), (5, "Email")]
    assert EOI.objects.count() == 0
    rows = [sign_up(1, Campaign="Nowhere fair")]
    result = run(sheet(rows), recruitment_officer)
    assert "no campaign called 'Nowhere fair'" in result.problems[0].message


def created_entries():
    return LogEntry.objects.filter(changes_text="recruitment.eoi.created")


# An address validate_email accepts (up to 320 characters) that is longer than the 254 an
# EOI keeps: a problem only the EOI's own checks find, while writing.
TOO_LONG_EMAIL = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".com"


@pytest.mark.parametrize("count", [5, 300], ids=["one by one", "in bulk"])
def test_a_row_refused_while_writing_keeps_nothing_and_says_why(
    campaign, recruitment_officer, count
):
    rows = [sign_up(n) for n in range(count)]
    rows[3]["Email"] = TOO_LONG_EMAIL
    result = run(sheet(rows), recruitment_officer)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (5, "Email", "Ensure this value has at most 254 characters (it has 308).")
    ]
    assert result.counts.created == 0
    assert not EOI.objects.exists() and not EOISource.objects.exists()
    assert not created_entries().exists()


def test_one_by_one_and_in_bulk_leave_the_same_records(campaign, recruitment_officer, monkeypatch):
    """eoi_create one row at a time, and the bulk path for the same rows: the same EOIs, the
    same sources and the same audit entry for each."""

    def import_and_read() -> tuple:
        since = LogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        assert run(sheet(rows), recruitment_officer).counts.created == len(rows)
        ignore = {"id", "created_at", "updated_at"}
        eois = [
            {k: v for k, v in eoi.items() if k not in ignore}
            for eoi in EOI.objects.order_by("email").values()
        ]
        sources = list(
            EOISource.objects.order_by("eoi__email").values(
                "channel", "campaign", "zone", "ambassador", "captured_by", "captured_on"
            )
        )
        audit = sorted(
            (e.actor_id, e.action, e.additional_data, e.object_repr.split(":")[1], e.object_id)
            for e in created_entries().filter(id__gt=since)
        )
        ids = sorted(EOI.objects.values_list("id", flat=True))
        assert [entry[-1] for entry in sorted(audit, key=lambda a: a[-1])] == ids
        return eois, sources, [entry[:-1] for entry in audit]

    rows = [sign_up(n) for n in range(5)] + [sign_up(5, Phone="")]
    one_by_one = import_and_read()
    EOI.objects.all().delete()
    monkeypatch.setattr(eoi_imports, "BULK_FROM", 1)
    assert import_and_read() == one_by_one


def test_a_second_run_of_a_big_file_writes_nothing_at_all(campaign, recruitment_officer):
    data = sheet([sign_up(n) for n in range(300)])
    assert run(data, recruitment_officer).counts.created == 300
    entries = LogEntry.objects.count()
    again = run(data, recruitment_officer)
    assert (again.counts.created, again.counts.updated, again.counts.unchanged) == (0, 0, 300)
    assert EOI.objects.count() == 300 and EOISource.objects.count() == 300
    assert LogEntry.objects.count() == entries


def test_the_import_makes_as_many_queries_for_1500_rows_as_for_250(campaign, recruitment_officer):
    def queries(rows: int, start: int) -> int:
        data = sheet([sign_up(start + n) for n in range(rows)])
        with CaptureQueriesContext(connection) as ctx:
            result = run(data, recruitment_officer)
        assert result.counts.created == rows
        return len(ctx.captured_queries)

    assert queries(250, 0) == queries(1500, 1000)


def test_checks_in_bulk_find_what_full_clean_finds(recruitment_officer):
    good = {
        "first_name": "Amira",
        "last_name": "Khan",
        "email": "amira@example.com",
        "phone": "+447700900123",
        "postcode": "B42 1AA",
        "route": "pcda",
        "consent_to_contact": True,
        "received_on": date(2026, 3, 2),
    }
    bad = [
        {"first_name": "A" * 81},
        {"email": "not an address", "postcode": "B42 1AAAA"},
        {"route": "astronaut", "consent_to_contact": False},
        {"email": "", "phone": ""},
        {"received_on": "yesterday"},
        {"email": TOO_LONG_EMAIL},
    ]
    records = [good, *({**good, **changes} for changes in bad), dict(good)]
    fixed = {"captured_by": recruitment_officer}
    objs, failures = bulk.clean_many(EOI, records, fixed=fixed, exclude=["captured_by"])
    assert sorted(failures) == [1, 2, 3, 4, 5, 6]
    for index, values in enumerate(records):
        one = EOI(**fixed, **values)
        try:
            one.full_clean(
                exclude=["captured_by"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            assert failures[index].message_dict == error.message_dict, values
        else:
            assert index not in failures
            assert {k: getattr(objs[index], k) for k in values} == {
                k: getattr(one, k) for k in values
            }


def test_a_dry_run_makes_the_checks_a_commit_would(campaign, recruitment_officer, monkeypatch):
    def write_a_source_of_no_eoi(rows, *, actor):
        EOISource.objects.create(
            eoi_id=10**9, channel="event", captured_by=actor, captured_on=date(2026, 3, 2)
        )
        return eoi_imports.Counts(created=1)

    spec = registry.get("eois")
    monkeypatch.setattr(spec, "write", write_a_source_of_no_eoi)
    with pytest.raises(IntegrityError):
        run_import(
            spec, name="s.csv", data=sheet([sign_up(0)]), actor=recruitment_officer, dry_run=True
        )
    assert gc.isenabled()


def test_ten_thousand_eois_import_in_one_go(campaign, recruitment_officer, capsys):
    data = sheet([sign_up(n) for n in range(10_000)])
    started = time.perf_counter()
    result = run(data, recruitment_officer)
    took = time.perf_counter() - started
    assert result.ok and result.counts.created == 10_000
    assert EOI.objects.count() == 10_000 and EOISource.objects.count() == 10_000
    with capsys.disabled():
        print(f"\n10,000 EOIs imported in {took:.1f}s")


def test_only_recruitment_officers_and_admins_may_import_eois(cast):
    spec = registry.get("eois")
    allowed = {name for name, user in cast.items() if spec.may_import(user)}
    assert allowed == {"admin", "recruitment_officer"}


def test_the_documented_sample_imports_cleanly(recruitment_officer):
    CampaignFactory(name="Perry Barr careers fair")
    result = run_import(
        registry.get("eois"), name="eois.csv", data=SAMPLE.read_bytes(), actor=recruitment_officer
    )
    assert result.ok, result.problems
    assert result.counts.created >= 3


# Stage results ---------------------------------------------------------------------------

RESULT_HEADINGS = ["EOI number", "Stage", "Result", "Score", "Date", "Note"]


def results_file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RESULT_HEADINGS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def result_row(candidate, **changes) -> dict:
    row = {
        "EOI number": candidate.eoi_id,
        "Stage": "Online sift",
        "Result": "Pass",
        "Score": "72.5",
        "Date": "20/04/2026",
        "Note": "",
    }
    row.update(changes)
    return row


@pytest.fixture
def thousand_candidates(pcda_stages):
    return [CandidateFactory() for _ in range(1000)]


def run_results(data: bytes, actor):
    return run_import(registry.get("stage-results"), name="r.csv", data=data, actor=actor)


def test_stage_results_one_bad_row_among_a_thousand_writes_nothing(
    thousand_candidates, recruitment_officer
):
    rows = [result_row(c) for c in thousand_candidates]
    rows[300]["Stage"] = "Vetting"
    rows[300]["Score"] = "50"  # vetting is outcome only
    rows[600]["Stage"] = "Bake-off"
    result = run_results(results_file(rows), recruitment_officer)
    assert [(p.row, p.column) for p in result.problems] == [(602, "Stage")]
    assert StageResult.objects.count() == 0
    rows[600]["Stage"] = "Online sift"
    result = run_results(results_file(rows), recruitment_officer)
    assert [(p.row, p.column) for p in result.problems] == [(302, "Score")]
    assert StageResult.objects.count() == 0


def test_stage_results_the_same_file_twice_changes_nothing(
    thousand_candidates, recruitment_officer
):
    rows = [
        result_row(c, Result="Fail" if n % 10 == 0 else "Pass")
        for n, c in enumerate(thousand_candidates)
    ]
    data = results_file(rows)
    assert run_results(data, recruitment_officer).counts.created == 1000
    before = sorted(StageResult.objects.values_list("candidate_id", "stage_id", "result", "score"))
    statuses = sorted(Candidate.objects.values_list("id", "status"))
    again = run_results(data, recruitment_officer)
    assert (again.counts.created, again.counts.unchanged) == (0, 1000)
    assert (
        sorted(StageResult.objects.values_list("candidate_id", "stage_id", "result", "score"))
        == before
    )
    assert sorted(Candidate.objects.values_list("id", "status")) == statuses


def test_a_different_result_for_a_recorded_one_is_refused(pcda_stages, recruitment_officer):
    candidate = CandidateFactory()
    assert run_results(results_file([result_row(candidate)]), recruitment_officer).ok
    changed = run_results(results_file([result_row(candidate, Score="40")]), recruitment_officer)
    assert [(p.row, p.column) for p in changed.problems] == [(2, "Result")]
    unknown = run_results(
        results_file([result_row(candidate, **{"EOI number": "999999"})]), recruitment_officer
    )
    assert unknown.problems[0].column == "EOI number"


def test_the_documented_stage_results_sample_imports_cleanly(pcda_stages, recruitment_officer):
    for pk in (9001, 9002):
        CandidateFactory(eoi__id=pk)
    data = (SAMPLE.parent / "stage-results.csv").read_bytes()
    result = run_import(
        registry.get("stage-results"), name="s.csv", data=data, actor=recruitment_officer
    )
    assert result.ok, result.problems


def test_a_recruitment_officer_imports_a_sheet_on_the_page(campaign, client_for, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("fair.csv", sheet([sign_up(n) for n in range(3)]))
    response = client_for(cast["recruitment_officer"]).post(
        "/imports/", {"kind": "eois", "file": upload}
    )
    assert "3 created, 0 updated, 0 unchanged" in response.content.decode()
    assert EOI.objects.count() == 3


def test_the_command_refuses_eois_without_someone_who_captured_them(campaign, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    path = tmp_path / "sign-ups.csv"
    path.write_bytes(sheet([sign_up(i) for i in range(300)]))
    with pytest.raises(CommandError, match="1 problem: nothing was imported"):
        call_command("import_data", "eois", str(path))
    assert "--actor STAFF_NUMBER" in capsys.readouterr().err
    assert not ExpressionOfInterest.objects.exists()
