"""The EOI sign-up sheet import: all rows or none, every problem by row and column, the same
file twice changes nothing, and 10,000 EOIs in one go."""

import csv
import io
import time
from pathlib import Path

import pytest

from core.imports import registry, run_import
from recruitment.models import EOISource, ExpressionOfInterest
from tests.recruitment.factories import CampaignFactory

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
