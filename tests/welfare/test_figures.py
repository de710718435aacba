from datetime import date, timedelta
from decimal import Decimal

from people.models import EntryRoute, PersonType, Probation, User
from welfare import figures, services
from welfare.figures import Cohort
from welfare.models import Outcome

from .factories import student_officer

# Board paper §12, retention by entry route as at 1 March 2022.
PAPER = [
    (EntryRoute.IPLDP, date(2018, 4, 2), 303, 28),
    (EntryRoute.PCDA, date(2019, 9, 2), 878, 50),
    (EntryRoute.DHEP, date(2020, 1, 6), 739, 42),
    (EntryRoute.DC_DHEP, date(2020, 6, 1), 87, 0),
]
AS_AT = date(2022, 3, 1)


def _officers(route, start, recruited, leavers, prefix):
    """`recruited` officers on `route`, the first `leavers` of whom left during probation."""
    users = User.objects.bulk_create(
        User(
            staff_number=f"{prefix}{n:04d}",
            first_name="Student",
            last_name=f"{prefix}{n}",
            password="!",
            person_type=PersonType.POLICE_OFFICER,
            entry_route=route,
            start_date=start + timedelta(days=n % 200),
            leave_date=start + timedelta(days=n % 200 + 90) if n < leavers else None,
        )
        for n in range(recruited)
    )
    Probation.objects.bulk_create(
        Probation(
            officer=user,
            route=route,
            start_date=user.start_date,
            expected_end=user.start_date + timedelta(days=730),
        )
        for user in users
    )
    return users


def _paper_records():
    for route, start, recruited, leavers in PAPER:
        _officers(route, start, recruited, leavers, prefix=route[:3].upper())
    # A later cohort, all leavers: outside the paper's range, it must not show.
    _officers(EntryRoute.PCDA, date(2022, 9, 5), 5, 5, prefix="LATE")


def test_it_builds_the_board_papers_retention_table_from_records(db):
    _paper_records()
    rows, total = figures.retention_by_route(
        Cohort(start=date(2018, 4, 1), end=date(2022, 2, 28), as_at=AS_AT)
    )
    assert [(r.label, r.recruited, r.leavers, f"{r.retention}%") for r in rows] == [
        ("IPLDP", 303, 28, "90.8%"),
        ("PCDA", 878, 50, "94.3%"),
        ("DHEP", 739, 42, "94.3%"),
        ("DC DHEP", 87, 0, "100.0%"),
    ]
    # The paper printed 1704 and 93%; the records add up to 2007 and 94.0%.
    assert (total.label, total.recruited, total.leavers, total.retention) == (
        "Total",
        2007,
        120,
        Decimal("94.0"),
    )
    assert total.recruited == sum(r.recruited for r in rows)
    assert total.leavers == sum(r.leavers for r in rows)


def test_only_leaving_before_confirmation_and_by_the_as_at_date_counts(db):
    _officers(EntryRoute.DHEP, date(2020, 1, 6), 1, 0, prefix="STAY")
    later = _officers(EntryRoute.DHEP, date(2020, 1, 6), 1, 0, prefix="LATER")[0]
    User.objects.filter(pk=later.pk).update(leave_date=date(2022, 6, 1))
    confirmed = _officers(EntryRoute.DHEP, date(2020, 1, 6), 1, 0, prefix="CONF")[0]
    Probation.objects.filter(officer=confirmed).update(confirmed_on=date(2021, 12, 1))
    User.objects.filter(pk=confirmed.pk).update(leave_date=date(2022, 1, 1))
    _officers(EntryRoute.DHEP, date(2020, 1, 6), 1, 1, prefix="GONE")
    rows, _ = figures.retention_by_route(Cohort(as_at=AS_AT))
    assert [(r.label, r.recruited, r.leavers) for r in rows] == [("DHEP", 4, 1)]
    rows, _ = figures.retention_by_route(Cohort(as_at=date(2022, 7, 1)))
    assert rows[0].leavers == 2


def test_a_cohort_range_selects_by_start_date(db):
    _paper_records()
    rows, total = figures.retention_by_route(
        Cohort(start=date(2022, 9, 1), end=date(2022, 12, 31), as_at=date(2023, 6, 1))
    )
    assert [(r.label, r.recruited, r.leavers) for r in rows] == [("PCDA", 5, 5)]
    assert total.retention == Decimal("0.0")


def _close(officer, actor, outcome, themes=(), support=(), contact_after=1):
    notified = date(2026, 1, 5)
    if outcome in (Outcome.RESIGNED, Outcome.TRANSFERRED):
        case = services.resignation_record(
            actor=actor, officer=officer, submitted_on=notified, themes=themes
        ).case
    else:
        case = services.welfare_case_open(
            actor=actor, officer=officer, how_opened="welfare_team", notified_on=notified
        )
        services.welfare_themes_record(actor=actor, case=case, themes=themes)
    if contact_after is not None:
        services.welfare_contact_record(
            actor=actor,
            case=case,
            contact_on=notified + timedelta(days=contact_after),
            kind="phone",
            summary="Call.",
        )
    if support:
        services.welfare_support_record(
            actor=actor, case=case, kinds=support, offered_on=date(2026, 1, 9)
        )
    if outcome:
        services.welfare_case_close(
            actor=actor, case=case, outcome=outcome, closed_on=date(2026, 1, 20)
        )
    return case


def test_case_figures_are_computed_from_cases(welfare_officer):
    start = date(2025, 9, 1)
    officers = [student_officer(start_date=start) for _ in range(5)]
    _close(officers[0], welfare_officer, Outcome.RESIGNED, ["role", "health"], contact_after=1)
    _close(officers[1], welfare_officer, Outcome.RESIGNED, ["role"], contact_after=4)
    _close(officers[2], welfare_officer, Outcome.RETAINED, ["health"], ["oh_referral"], 2)
    _close(officers[3], welfare_officer, Outcome.STAFF_ROLE, [], ["staff_role"], 3)
    _close(officers[4], welfare_officer, "", [], [], None)
    outcomes = dict(figures.cases_by_outcome())
    assert outcomes["Resigned"] == 2 and outcomes["Retained"] == 1
    assert outcomes["Still open"] == 1 and sum(outcomes.values()) == 5
    intervention = figures.retained_after_intervention()
    assert (intervention["closed"], intervention["retained"], intervention["kept_in_force"]) == (
        2,
        1,
        2,
    )
    assert intervention["retained_share"] == Decimal("50.0")
    contact = figures.first_contact_times()
    # Monday 5 January: contacts on Tue (1), Fri (4), Wed (2), Thu (3) working days.
    assert contact["contacted"] == 4 and contact["median_days"] == 2.5
    assert contact["within_target"] == 2

    cohort = Cohort(as_at=date(2026, 12, 31))
    themes, leavers = figures.leavers_by_theme(cohort)
    themes = dict(themes)
    assert leavers == 2
    assert themes["Role not as expected (shifts, trauma, better-paid work)"] == 2
    assert themes["Health or welfare"] == 1 and themes["No reason recorded"] == 0
    service = dict(figures.leavers_by_length_of_service(cohort))
    assert service["Under 6 months"] == 2 and sum(service.values()) == leavers


def test_retention_by_ethnicity_applies_disclosure_control(db):
    _officers(EntryRoute.PCDA, date(2020, 9, 1), 30, 3, prefix="ETH")
    table, note = figures.retention_by_ethnicity(Cohort(as_at=AS_AT))
    assert "White British" in table.row_labels[1]
    assert "ONS 2021" in note
    # Nobody declared: the not-declared row holds 27 stayers and 3 (hidden) leavers.
    assert str(table.cells[2][1]) == "[c]"
    assert table.grand_total.value == 30
