from datetime import date, timedelta

from django.urls import reverse

from people.models import ProbationExtension
from tests.welfare.factories import student_officer
from welfare import services
from welfare.models import ContactLogEntry, Reg13Stage, WelfareCase


def _open(actor, n):
    return [
        services.welfare_case_open(
            actor=actor,
            officer=student_officer(),
            how_opened="welfare_team",
            notified_on=date(2026, 1, 5),
            assigned_to=actor,
        )
        for _ in range(n)
    ]


def test_case_list(cast, client_for, flat):
    officer = cast["welfare_officer"]
    flat(client_for(officer), reverse("welfare:case-list"), lambda n: _open(officer, n))


def test_overdue_cases(cast, client_for, flat):
    officer = cast["welfare_officer"]
    flat(client_for(officer), reverse("welfare:overdue"), lambda n: _open(officer, n))


def test_a_case_with_many_contacts(cast, client_for, flat):
    officer = cast["welfare_officer"]
    case = _open(officer, 1)[0]

    def make(n):
        ContactLogEntry.objects.bulk_create(
            ContactLogEntry(
                case=case,
                contact_on=date(2026, 1, 6),
                kind="phone",
                summary="Call",
                recorded_by=officer,
            )
            for _ in range(n)
        )

    flat(client_for(officer), reverse("welfare:case-detail", args=[case.pk]), make)


def test_concerns_a_manager_raised(cast, client_for, flat):
    manager = cast["manager"]

    def make(n):
        for _ in range(n):
            services.welfare_concern_raise(
                manager=manager, officer=student_officer(line_manager=manager), concern="x"
            )

    flat(client_for(manager), reverse("welfare:concern-list"), make)


def test_probation_list(cast, client_for, flat):
    flat(
        client_for(cast["welfare_officer"]),
        reverse("welfare:probation-list"),
        lambda n: [student_officer() for _ in range(n)],
    )


def test_reg13_list(cast, client_for, flat):
    flat(
        client_for(cast["welfare_officer"]),
        reverse("welfare:reg13-list"),
        lambda n: [student_officer() for _ in range(n)],
    )


def test_a_case_s_notes_with_many_contacts(cast, client_for, flat):
    officer = cast["welfare_officer"]
    case = _open(officer, 1)[0]
    flat(
        client_for(officer),
        reverse("welfare:case-notes", args=[case.pk]),
        lambda n: ContactLogEntry.objects.bulk_create(
            ContactLogEntry(
                case=case,
                contact_on=date(2026, 1, 6),
                kind="phone",
                summary="Call",
                recorded_by=officer,
            )
            for _ in range(n)
        ),
    )


def test_a_probation_with_many_extensions_and_cases(cast, client_for, flat):
    officer = cast["welfare_officer"]
    student = student_officer()
    probation = student.probation

    def make(n):
        start = probation.extensions.count()
        ProbationExtension.objects.bulk_create(
            ProbationExtension(
                probation=probation,
                previous_end=date(2027, 9, 1) + timedelta(days=i),
                new_end=date(2027, 9, 2) + timedelta(days=i),
                reason="Illness",
                approved_by=officer,
                approved_on=date(2026, 1, 1) + timedelta(days=i),
            )
            for i in range(start, start + n)
        )
        WelfareCase.objects.bulk_create(
            WelfareCase(
                officer=student,
                how_opened="welfare_team",
                notified_on=date(2026, 1, 5),
                first_contact_due=date(2026, 1, 8),
                closed_on=date(2026, 1, 20),
                outcome="retained",
            )
            for _ in range(n)
        )

    flat(client_for(officer), reverse("welfare:probation-detail", args=[probation.pk]), make)


def test_a_reg13_case_with_its_stages(cast, client_for, flat):
    officer = cast["welfare_officer"]
    reg13 = services.reg13_open(
        actor=officer, officer=student_officer(), referred_on=date(2026, 1, 5), grounds="Exams"
    )
    later = [Reg13Stage.ACTION_PLAN, Reg13Stage.CASE_CONFERENCE]

    def make(n):  # a case has each stage once: rows grow from the referral to three stages
        for stage in later[: min(n, len(later))] if n > 1 else []:
            services.reg13_advance(
                actor=officer, reg13=reg13, stage=stage, reached_on=date(2026, 2, 1)
            )
        for _ in range(n):
            services.reg13_open(
                actor=officer,
                officer=student_officer(),
                referred_on=date(2026, 1, 5),
                grounds="Exams",
            )

    flat(client_for(officer), reverse("welfare:reg13-detail", args=[reg13.pk]), make)


def test_api_case_statuses(cast, client_for, flat):
    officer = cast["welfare_officer"]
    flat(client_for(officer), reverse("v1:welfare-case-list"), lambda n: _open(officer, n))


def test_api_a_case_status(cast, client_for, flat):
    officer = cast["welfare_officer"]
    case = _open(officer, 1)[0]
    flat(
        client_for(officer),
        reverse("v1:welfare-case-detail", args=[case.pk]),
        lambda n: _open(officer, n),
    )
