"""Demo welfare data: student officer cohorts shaped like the board paper's retention table and a
few dozen welfare cases in every state. Idempotent: it adds only what is missing.

The paper's cohorts (April 2018 to February 2022, seen as at 1 March 2022) are scaled down with
the same retention rates: IPLDP 65 recruited / 6 leavers (90.8%), PCDA 88 / 5 (94.3%), DHEP 70 / 4
(94.3%), DC DHEP 9 / 0 (100%). Current cohorts (2024 onwards) carry the open cases.
"""

import random
from datetime import date, timedelta

from django.db import transaction

from core.equality import Ethnicity, Sex
from people import services as people_services
from people.models import (
    Department,
    EmploymentRecord,
    EntryRoute,
    EqualityMonitoring,
    PersonType,
    Probation,
    Rank,
    User,
    probation_years,
)
from welfare import services
from welfare.models import Outcome, Reg13Stage, WelfareCase

PAPER_AS_AT = date(2022, 3, 1)
# route, first start, last start, recruited, leavers during probation
PAPER_COHORTS = [
    (EntryRoute.IPLDP, date(2018, 4, 3), date(2019, 6, 24), 65, 6),
    (EntryRoute.PCDA, date(2019, 9, 2), date(2022, 2, 7), 88, 5),
    (EntryRoute.DHEP, date(2020, 1, 6), date(2022, 1, 10), 70, 4),
    (EntryRoute.DC_DHEP, date(2020, 6, 1), date(2021, 11, 1), 9, 0),
]
CURRENT_COHORTS = [
    (EntryRoute.PCDA, date(2024, 9, 2), date(2026, 9, 7), 24),
    (EntryRoute.DHEP, date(2024, 10, 7), date(2026, 4, 6), 16),
    (EntryRoute.PCEP, date(2024, 4, 1), date(2026, 6, 1), 10),
]
THEME_CYCLE = [
    ["role"],
    ["health"],
    ["role", "personal"],
    ["performance"],
    ["health", "role"],
    ["misconduct"],
    ["personal"],
]
FIRST = ["Jordan", "Priya", "Kieran", "Aisha", "Tom", "Grace", "Hassan", "Ellie", "Dev", "Ruth"]
LAST = ["Walker", "Begum", "Murphy", "Osei", "Nowak", "Hughes", "Kaur", "Bennett", "Ali", "Shaw"]


def _officer_rows(rng, route, first, last, count, prefix, departments):
    span = (last - first).days
    users = []
    for i in range(count):
        start = first + timedelta(days=span * i // max(count - 1, 1))
        users.append(
            User(
                staff_number=f"{prefix}{i + 1:04d}",
                first_name=rng.choice(FIRST),
                last_name=rng.choice(LAST),
                email=f"{prefix.lower()}{i + 1:04d}@peel.example",
                password="!",  # demo officers cannot sign in
                person_type=PersonType.POLICE_OFFICER,
                rank=Rank.CONSTABLE,
                entry_route=route,
                start_date=start,
                department=rng.choice(departments),
            )
        )
    users = User.objects.bulk_create(users)
    _equality(rng, users)
    return users


MINORITY = [
    Ethnicity.ASIAN_INDIAN,
    Ethnicity.ASIAN_PAKISTANI,
    Ethnicity.BLACK_CARIBBEAN,
    Ethnicity.BLACK_AFRICAN,
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN,
]


def _equality(rng, users):
    """Self-declared answers for most demo officers (about 17% ethnic minority, as the paper's
    new recruits), so the dashboard's protected breakdown has something to protect."""
    EqualityMonitoring.objects.bulk_create(
        EqualityMonitoring(
            person=user,
            ethnicity=rng.choice(MINORITY) if rng.random() < 0.17 else Ethnicity.WHITE_BRITISH,
            sex=rng.choice([Sex.FEMALE, Sex.MALE, Sex.MALE]),
        )
        for user in users
        if rng.random() < 0.93
    )


def _add_probations(users, route, confirm_before: date):
    probations = []
    for user in users:
        end = services.add_months(user.start_date, 12 * probation_years(route))
        probations.append(
            Probation(
                officer=user,
                route=route,
                start_date=user.start_date,
                expected_end=end,
                confirmed_on=end if end < confirm_before else None,
            )
        )
    EmploymentRecord.objects.bulk_create(
        EmploymentRecord(
            person=u,
            valid_from=u.start_date,
            person_type=u.person_type,
            rank=u.rank,
            department=u.department,
            reason="Joined as a student officer",
        )
        for u in users
    )
    return Probation.objects.bulk_create(probations)


def _cohorts(rng) -> tuple[list, list]:
    """Bulk-create the paper and current cohorts; return (paper leavers-to-be, current)."""
    departments = list(Department.objects.filter(name__endswith="NPU")) or [None]
    leavers, current = [], []
    for n, (route, first, last, recruited, leaving) in enumerate(PAPER_COHORTS):
        users = _officer_rows(rng, route, first, last, recruited, f"WP{n}", departments)
        step = recruited // leaving if leaving else 0
        chosen = {users[i * step].pk for i in range(leaving)}
        _add_probations(users, route, confirm_before=date.today())
        Probation.objects.filter(officer_id__in=chosen).update(confirmed_on=None)
        leavers += [u for u in users if u.pk in chosen]
    for n, (route, first, last, recruited) in enumerate(CURRENT_COHORTS):
        users = _officer_rows(rng, route, first, last, recruited, f"WC{n}", departments)
        _add_probations(users, route, confirm_before=date.today())
        current += users
    return leavers, current


def _contact(actor, case, on, kind="phone", summary="Supportive conversation.", follow_up=None):
    services.welfare_contact_record(
        actor=actor, case=case, contact_on=on, kind=kind, summary=summary, follow_up_due=follow_up
    )


def _paper_leaver(rng, actor, officer, n):
    start = officer.start_date
    end = services.add_months(start, 12 * probation_years(officer.entry_route))
    leave = min(start + timedelta(days=rng.randint(90, 500)), end - timedelta(days=1), PAPER_AS_AT)
    if n == 3:
        return _dispensed(actor, officer, leave)
    submitted = max(start, leave - timedelta(days=28))
    resignation = services.resignation_record(
        actor=actor,
        officer=officer,
        submitted_on=submitted,
        notice_days=(leave - submitted).days,
        last_day=leave,
        themes=["transfer"] if n == 7 else THEME_CYCLE[n % len(THEME_CYCLE)],
    )
    case = resignation.case
    services.welfare_case_assign(actor=actor, case=case, assigned_to=actor)
    _contact(actor, case, submitted + timedelta(days=rng.choice([0, 1, 1, 2, 3, 5])))
    if n % 3 == 0:
        services.welfare_support_record(
            actor=actor, case=case, kinds=["oh_referral"], offered_on=submitted + timedelta(days=6)
        )
    outcome = Outcome.TRANSFERRED if n == 7 else Outcome.RESIGNED
    services.welfare_case_close(actor=actor, case=case, outcome=outcome, closed_on=leave)


def _dispensed(actor, officer, leave):
    """A leaver dispensed with under Regulation 13, every stage recorded."""
    referred = max(officer.start_date, leave - timedelta(days=150))
    case = services.welfare_case_open(
        actor=actor,
        officer=officer,
        how_opened="welfare_team",
        notified_on=referred,
        concern="Referred under Regulation 13 after repeated failed assessments.",
        assigned_to=actor,
    )
    _contact(actor, case, referred + timedelta(days=1), kind="in_person")
    services.welfare_themes_record(actor=actor, case=case, themes=["performance"])
    reg13 = services.reg13_open(
        actor=actor, officer=officer, referred_on=referred, grounds="Academic", welfare_case=case
    )
    notice_from = leave - timedelta(days=31)
    steps = [
        (Reg13Stage.ACTION_PLAN, referred + timedelta(days=7), ""),
        (Reg13Stage.CASE_CONFERENCE, notice_from - timedelta(days=14), ""),
        (Reg13Stage.DECISION, notice_from - timedelta(days=7), "dispense"),
    ]
    for stage, day, decision in steps:
        services.reg13_advance(
            actor=actor, reg13=reg13, stage=stage, reached_on=day, decision=decision
        )
    services.reg13_advance(
        actor=actor,
        reg13=reg13,
        stage=Reg13Stage.NOTICE,
        reached_on=notice_from,
        notice_ends_on=leave,
    )
    services.welfare_case_close(
        actor=actor, case=case, outcome=Outcome.DISPENSED, closed_on=notice_from
    )


def _paper_retained(actor, officers):
    """Stayers the team helped: concerns and withdrawn resignations that ended well."""
    for n, officer in enumerate(officers):
        start = officer.start_date + timedelta(days=120)
        if n % 2:
            resignation = services.resignation_record(
                actor=actor, officer=officer, submitted_on=start, themes=["role"]
            )
            case = resignation.case
        else:
            case = services.welfare_case_open(
                actor=actor,
                officer=officer,
                how_opened="line_manager",
                notified_on=start,
                concern="Sergeant says the student is struggling with night shifts.",
                assigned_to=actor,
            )
            services.welfare_themes_record(actor=actor, case=case, themes=["health"])
        _contact(actor, case, start + timedelta(days=1))
        kinds = ["posting_change", "mentoring"] if n % 3 else ["staff_role"]
        services.welfare_support_record(
            actor=actor, case=case, kinds=kinds, offered_on=start + timedelta(days=3)
        )
        if n % 2:
            services.resignation_withdraw(
                actor=actor, resignation=resignation, withdrawn_on=start + timedelta(days=5)
            )
        outcome = Outcome.STAFF_ROLE if kinds == ["staff_role"] else Outcome.RETAINED
        services.welfare_case_close(
            actor=actor, case=case, outcome=outcome, closed_on=start + timedelta(days=20)
        )


def _current_cases(actor, officers, manager, student):
    today = date.today()
    # Overdue for first contact (one not yet assigned).
    for n, officer in enumerate(officers[0:3]):
        services.welfare_case_open(
            actor=actor,
            officer=officer,
            how_opened="welfare_team",
            notified_on=today - timedelta(days=7 + n),
            concern="Tutor reports the student seems withdrawn.",
            assigned_to=actor if n else None,
        )
    # Just notified: not yet due.
    for officer in officers[3:5]:
        services.welfare_case_open(
            actor=actor, officer=officer, how_opened="line_manager", notified_on=today
        )
    _in_contact(actor, officers[5:9])
    _current_resignations(actor, officers[9:13])
    _reg13_in_progress(actor, officers[13], manager)
    if student is not None and not WelfareCase.objects.filter(officer=student).exists():
        services.welfare_concern_raise(
            manager=manager,
            officer=student,
            concern="Sam has said twice this month that the shifts are too much.",
            noticed_on=today - timedelta(days=1),
        )


def _in_contact(actor, officers):
    """Open cases the team is working, with follow-ups (two already due)."""
    today = date.today()
    for n, officer in enumerate(officers):
        notified = today - timedelta(days=20 + n)
        case = services.welfare_case_open(
            actor=actor,
            officer=officer,
            how_opened="welfare_team",
            notified_on=notified,
            assigned_to=actor,
        )
        follow_up = today - timedelta(days=2) if n < 2 else today + timedelta(days=5)
        _contact(actor, case, notified + timedelta(days=1), follow_up=follow_up)
        services.welfare_themes_record(actor=actor, case=case, themes=THEME_CYCLE[n])


def _reg13_in_progress(actor, officer, manager):
    """A current student at the action-plan stage, with probation extended to allow for it."""
    today = date.today()
    case = services.welfare_case_open(
        actor=actor,
        officer=officer,
        how_opened="welfare_team",
        notified_on=today - timedelta(days=40),
    )
    reg13 = services.reg13_open(
        actor=actor,
        officer=officer,
        referred_on=today - timedelta(days=40),
        grounds="Operational competence not yet shown at the end of the tutorship.",
        welfare_case=case,
    )
    services.reg13_advance(
        actor=actor,
        reg13=reg13,
        stage=Reg13Stage.ACTION_PLAN,
        reached_on=today - timedelta(days=30),
    )
    probation = Probation.objects.get(officer=officer)
    people_services.probation_extend(
        actor=actor,
        probation=probation,
        new_end=probation.expected_end + timedelta(days=182),
        reason="Action plan under Regulation 13: more time to show operational competence.",
        approved_by=manager,
    )


def _current_resignations(actor, officers):
    today = date.today()
    for n, officer in enumerate(officers):
        submitted = today - timedelta(days=40 - n * 10)
        resignation = services.resignation_record(
            actor=actor,
            officer=officer,
            submitted_on=submitted,
            themes=THEME_CYCLE[n + 2],
        )
        _contact(actor, resignation.case, submitted + timedelta(days=n % 3))
        if n == 0:  # resigned and gone
            services.welfare_case_close(
                actor=actor, case=resignation.case, outcome=Outcome.RESIGNED, closed_on=today
            )
        elif n == 1:  # talked round
            services.resignation_withdraw(
                actor=actor, resignation=resignation, withdrawn_on=submitted + timedelta(days=3)
            )
            services.welfare_case_close(
                actor=actor,
                case=resignation.case,
                outcome=Outcome.RETAINED,
                closed_on=submitted + timedelta(days=4),
            )


@transaction.atomic
def seed(stdout=None) -> None:
    if User.objects.filter(staff_number__startswith="WP").exists():
        if stdout:
            stdout.write("Welfare: demo data already present.")
        return
    rng = random.Random(1304)  # a fixed seed: the same demo every time
    actor = User.objects.filter(staff_number="welfare").first()
    manager = User.objects.filter(staff_number="manager").first()
    student = User.objects.filter(staff_number="student", probation__isnull=False).first()
    leavers, current = _cohorts(rng)
    for n, officer in enumerate(leavers):
        _paper_leaver(rng, actor, officer, n)
    stayers = list(
        User.objects.filter(staff_number__startswith="WP", leave_date=None).order_by("id")[::23]
    )
    _paper_retained(actor, stayers)
    _current_cases(actor, current, manager, student)
    if stdout:
        stdout.write(
            f"Welfare: {len(current) + sum(c[3] for c in PAPER_COHORTS)} student officers, "
            f"{WelfareCase.objects.count()} welfare cases."
        )
