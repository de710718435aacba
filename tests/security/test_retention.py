"""A retention run over demo-like records dated two years back removes or anonymises exactly
what the settings say, policy by policy; a dry run counts the same and changes nothing."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from adjustments import services as adjustment_services
from adjustments.models import Passport
from core.audit import record_read
from core.models import Setting
from core.retention import retention_run
from people import services as people_services
from recruitment.models import Candidate, ContactLog, EOIEquality, ExpressionOfInterest
from tests.adjustments.factories import PassportFactory
from tests.core.test_privacy import _age
from tests.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, EOIFactory
from welfare import services as welfare_services
from welfare.models import ContactLogEntry, WelfareCase
from welfare.privacy import REMOVED

TODAY = timezone.localdate()
TWO_YEARS_AGO = TODAY - timedelta(days=730)
RECENTLY = TODAY - timedelta(days=60)


def _eois(officer):
    old = [EOIFactory(received_on=TWO_YEARS_AGO, captured_by=officer) for _ in range(5)]
    for eoi in old[:2]:
        EOIEquality.objects.create(eoi=eoi, sex="F", ethnicity="A_IND")
        ContactLog.objects.create(
            eoi=eoi,
            officer=officer,
            method="phone",
            note="Called about the PCDA.",
            contacted_at=timezone.now() - timedelta(days=729),
        )
    # received long ago but spoken to recently: still live
    talked = [EOIFactory(received_on=TWO_YEARS_AGO, captured_by=officer) for _ in range(2)]
    for eoi in talked:
        ContactLog.objects.create(
            eoi=eoi,
            officer=officer,
            method="email",
            note="Still keen.",
            contacted_at=timezone.now(),
        )
    recent = [EOIFactory(received_on=RECENTLY, captured_by=officer) for _ in range(3)]
    return old, talked + recent


def _candidates(officer):
    def candidate(status, applied_on):
        eoi = EOIFactory(received_on=applied_on, captured_by=officer, status="applied")
        return CandidateFactory(eoi=eoi, status=status, applied_on=applied_on)

    unsuccessful = [candidate("unsuccessful", TWO_YEARS_AGO) for _ in range(3)]
    Candidate.objects.filter(pk__in=[c.pk for c in unsuccessful]).update(
        updated_at=timezone.now() - timedelta(days=700)
    )
    kept = [candidate("withdrawn", RECENTLY), candidate("in_progress", TWO_YEARS_AGO)]
    return unsuccessful, kept


def _welfare_case(welfare_officer, closed_on):
    n = WelfareCase.objects.count() + 1
    officer = people_services.student_officer_create(
        actor=None,
        staff_number=f"RET{n:03d}",
        first_name="Student",
        last_name=f"Ret{n}",
        email="",
        route="dhep",
        start_date=TWO_YEARS_AGO - timedelta(days=30),
        line_manager=None,
    )
    case = welfare_services.welfare_case_open(
        actor=welfare_officer,
        officer=officer,
        how_opened="welfare_team",
        notified_on=TWO_YEARS_AGO,
        concern="Struggling after a difficult incident.",
        assigned_to=welfare_officer,
    )
    ContactLogEntry.objects.create(
        case=case, contact_on=TWO_YEARS_AGO, kind="phone", summary="Talked it through."
    )
    if closed_on:
        WelfareCase.objects.filter(pk=case.pk).update(
            outcome="retained", closed_on=closed_on, outcome_notes="Stayed on."
        )
    return case


def _passports(colleague, other):
    old = PassportFactory(owner=colleague)
    adjustment_services.passport_close(actor=colleague, passport=old, reason="Left the role")
    Passport.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=730))
    live = PassportFactory(owner=other)
    return old, live


@pytest.fixture
def demo(cast):
    """Demo-like records, some dated two years back, with settings an admin has changed."""
    Setting.objects.create(key="retention-closed-passports-months", value=12)
    Setting.objects.create(key="retention-audit-log-months", value=12)
    Setting.objects.create(key="retention-closed-welfare-cases-months", value=12)
    officer = cast["recruitment_officer"]
    old_eois, live_eois = _eois(officer)
    unsuccessful, live_candidates = _candidates(officer)
    welfare = cast["welfare_officer"]
    old_cases = [_welfare_case(welfare, TWO_YEARS_AGO + timedelta(days=10)) for _ in range(2)]
    live_cases = [_welfare_case(welfare, RECENTLY), _welfare_case(welfare, None)]
    old_passport, live_passport = _passports(cast["colleague"], UserFactory())
    old_reads = [record_read(user=cast["admin"], obj=cast["colleague"]) for _ in range(4)]
    for entry in old_reads:
        _age(entry, days=730)
    return {
        "old_eois": old_eois,
        "live_eois": live_eois,
        "unsuccessful": unsuccessful,
        "live_candidates": live_candidates,
        "old_cases": old_cases,
        "live_cases": live_cases,
        "old_passport": old_passport,
        "live_passport": live_passport,
        "old_reads": old_reads,
    }


EXPECTED = {
    "eois": 5,
    "unsuccessful-candidates": 3,
    "closed-welfare-cases": 2,
    "closed-passports": 1,
    "audit-log": 4,
    "finished-dyslexia-referrals": 0,
    "finished-joiner-needs": 0,
}


def _counts(run) -> dict:
    return {row["key"]: row["count"] for row in run.results}


def _snapshot():
    return (
        list(ExpressionOfInterest.objects.order_by("pk").values()),
        list(WelfareCase.objects.order_by("pk").values()),
        list(ContactLogEntry.objects.order_by("pk").values()),
        Passport.objects.count(),
        ContactLog.objects.count(),
        EOIEquality.objects.count(),
    )


def test_a_dry_run_counts_exactly_what_is_due_and_changes_nothing(demo, admin_user):
    before = _snapshot()
    logged = LogEntry.objects.filter(pk__in=[e.pk for e in demo["old_reads"]]).count()
    run = retention_run(actor=admin_user, dry_run=True)
    assert _counts(run) == EXPECTED
    assert _snapshot() == before
    assert LogEntry.objects.filter(pk__in=[e.pk for e in demo["old_reads"]]).count() == logged


def test_a_real_run_removes_or_anonymises_exactly_what_the_settings_say(demo, admin_user):
    run = retention_run(actor=admin_user, dry_run=False)
    assert _counts(run) == EXPECTED
    actions = {row["key"]: row["action"] for row in run.results}
    assert actions["eois"] == actions["closed-welfare-cases"] == "anonymise"

    erased = ExpressionOfInterest.objects.filter(first_name="Erased")
    unsuccessful_eois = [c.eoi_id for c in demo["unsuccessful"]]
    assert set(erased.values_list("pk", flat=True)) == {e.pk for e in demo["old_eois"]} | set(
        unsuccessful_eois
    )
    assert ExpressionOfInterest.objects.count() == 5 + 5 + 3 + 2  # rows kept for the counts
    assert not erased.exclude(phone="").exists()
    assert not ContactLog.objects.filter(eoi__in=demo["old_eois"]).exists()
    assert not EOIEquality.objects.exists()
    for eoi in demo["live_eois"]:
        assert ExpressionOfInterest.objects.get(pk=eoi.pk).first_name == eoi.first_name

    for case in demo["old_cases"]:
        case.refresh_from_db()
        assert (case.concern, case.outcome_notes, case.outcome) == ("", "", "retained")
        assert set(case.contacts.values_list("summary", flat=True)) == {REMOVED}
    for case in demo["live_cases"]:
        assert WelfareCase.objects.get(pk=case.pk).concern

    assert not Passport.objects.filter(pk=demo["old_passport"].pk).exists()
    assert Passport.objects.filter(pk=demo["live_passport"].pk).exists()
    assert not LogEntry.objects.filter(pk__in=[e.pk for e in demo["old_reads"]]).exists()

    again = retention_run(actor=admin_user, dry_run=True)
    assert sum(_counts(again).values()) == 0, "a second run finds nothing left to do"


def test_the_welfare_setting_deletes_closed_cases_instead(demo, admin_user):
    Setting.objects.create(key="retention-closed-welfare-cases-action", value="delete")
    run = retention_run(actor=admin_user, dry_run=False)
    row = next(r for r in run.results if r["key"] == "closed-welfare-cases")
    assert (row["count"], row["action"]) == (2, "delete")
    assert not WelfareCase.objects.filter(pk__in=[c.pk for c in demo["old_cases"]]).exists()
    assert WelfareCase.objects.count() == 2
