"""The volume rows of the benchmark, one function per part (see bench/generate.py)."""

from datetime import timedelta
from decimal import Decimal

from bench.generate import (
    CHANNELS,
    CLOSED_REASONS,
    EOI_STATUS,
    ETHNICITY,
    FIRST,
    LAST,
    NOW,
    RNG,
    ROUTES,
    SEX,
    TODAY,
    copy,
    day_between,
    next_id,
    pick,
    timed,
)

RANKS = [("constable", 75), ("sergeant", 15), ("inspector", 7), ("chief_inspector", 3)]


def generate(counts: dict) -> None:
    people = colleagues(counts["colleagues"])
    eois(counts["eois"])
    welfare_cases(counts["welfare_cases"], people)
    passports(counts["passports"], people)
    ratings(counts["ratings"], people)
    benefits(counts["benefits"], people)


def _departments() -> list[int]:
    from people.models import Department

    return list(Department.objects.values_list("id", flat=True))


def _user_rows(n: int, first_id: int, departments: list[int]):
    managers = max(n // 10, 1)
    for i in range(n):
        uid = first_id + i
        officer = RNG.random() < 0.6
        route = pick(ROUTES[:4]) if officer else pick([("staff", 80), ("pcso", 20)])
        rank = "sergeant" if i < managers else (pick(RANKS) if officer else "")
        manager = None if i < managers else first_id + RNG.randrange(managers)
        first, last = RNG.choice(FIRST), RNG.choice(LAST)
        start = day_between(TODAY - timedelta(days=30 * 365), TODAY - timedelta(days=30))
        yield (
            uid,
            f"B{uid:07d}",
            first,
            last,
            f"{first}.{last}.{uid}@bench.example".lower(),
            "officer" if officer else ("pcso" if route == "pcso" else "staff"),
            rank,
            "" if officer else f"G{RNG.randint(3, 9)}",
            RNG.choice(departments),
            manager,
            route,
            start,
            None,
            True,
            False,
            False,
            NOW,
            "!bench",
        )


USER_FIELDS = [
    "id",
    "staff_number",
    "first_name",
    "last_name",
    "email",
    "person_type",
    "rank",
    "grade",
    "department",
    "line_manager",
    "entry_route",
    "start_date",
    "leave_date",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
    "password",
]


def colleagues(n: int) -> list[tuple]:
    """Colleagues with one or two employment records and (mostly) equality answers."""
    from people.models import EmploymentRecord, EqualityMonitoring, User

    departments = _departments()
    first_id = next_id(User)
    rows = list(_user_rows(n, first_id, departments))
    with timed("colleagues", n):
        copy(User, USER_FIELDS, rows)
    history = list(_history_rows(rows, next_id(EmploymentRecord), departments))
    with timed("employment history", len(history)):
        copy(
            EmploymentRecord,
            [
                "id",
                "person",
                "valid_from",
                "valid_to",
                "person_type",
                "rank",
                "grade",
                "department",
                "line_manager",
                "reason",
            ],
            history,
        )
    equality = [
        (
            first_id + i,
            row[0],
            pick(SEX),
            pick(ETHNICITY),
            RNG.choice(["N", "N", "N", "Y", ""]),
            "",
            "",
            NOW,
            NOW,
        )
        for i, row in enumerate(rows)
        if RNG.random() < 0.85
    ]
    with timed("equality answers", len(equality)):
        copy(
            EqualityMonitoring,
            [
                "id",
                "person",
                "sex",
                "ethnicity",
                "disability",
                "sexual_orientation",
                "religion",
                "created_at",
                "updated_at",
            ],
            equality,
        )
    return rows


def _history_rows(users, first_id: int, departments: list[int]):
    next_row = first_id
    for user in users:
        uid, ptype, rank, grade, dept, manager, start = (
            user[0],
            user[5],
            user[6],
            user[7],
            user[8],
            user[9],
            user[11],
        )
        if (TODAY - start).days > 400 and RNG.random() < 0.5:
            moved = day_between(start + timedelta(days=200), TODAY)
            yield (
                next_row,
                uid,
                start,
                moved,
                ptype,
                rank,
                grade,
                RNG.choice(departments),
                manager,
                "Joined",
            )
            next_row += 1
            start = moved
        yield (next_row, uid, start, None, ptype, rank, grade, dept, manager, "Current post")
        next_row += 1


def _eoi_row(i: int, first_id: int, officers: list[int]):
    first, last = RNG.choice(FIRST), RNG.choice(LAST)
    status = pick(EOI_STATUS)
    received = TODAY - timedelta(days=int(RNG.triangular(0, 5 * 365, 0)))
    open_ = status in ("new", "contacted", "applying")
    return (
        first_id + i,
        first,
        last,
        f"{first}.{last}{i}@mail.example".lower(),
        f"+447{RNG.randrange(10**9):09d}",
        f"B{RNG.randint(1, 99)} {RNG.randint(1, 9)}AA",
        pick(ROUTES),
        "[]",
        True,
        True,
        True,
        RNG.random() < 0.4,
        True,
        received,
        RNG.choice(officers),
        RNG.choice(officers) if open_ else None,
        status,
        pick(CLOSED_REASONS[:3]) if status == "closed" else "",
        "Call back" if open_ else "",
        received + timedelta(days=RNG.randint(2, 20)) if open_ else None,
        NOW,
        NOW,
    )


EOI_FIELDS = [
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "route",
    "other_routes",
    "over_17",
    "right_to_work",
    "lived_in_uk_3_years",
    "has_degree",
    "consent_to_contact",
    "received_on",
    "captured_by",
    "assigned_to",
    "status",
    "closed_reason",
    "next_action",
    "next_action_on",
    "created_at",
    "updated_at",
]


def eois(n: int) -> None:
    """EOIs, each with its source and (mostly) equality answers; written in chunks."""
    from people.models import User
    from people.roles import Role
    from recruitment.models import EOIEquality, EOISource, ExpressionOfInterest

    officers = list(
        User.objects.filter(
            groups__name__in=[Role.RECRUITMENT_OFFICER.label, "Recruitment"]
        ).values_list("id", flat=True)
    ) or list(User.objects.filter(is_staff=True).values_list("id", flat=True)[:5])
    first_id = next_id(ExpressionOfInterest)
    rows = [_eoi_row(i, first_id, officers) for i in range(n)]
    with timed("expressions of interest", n):
        copy(ExpressionOfInterest, EOI_FIELDS, rows)
    source_id, equality_id = next_id(EOISource), next_id(EOIEquality)
    sources = (
        (source_id + i, r[0], pick(CHANNELS), r[14], r[13], NOW, NOW) for i, r in enumerate(rows)
    )
    with timed("EOI sources", n):
        copy(
            EOISource,
            ["id", "eoi", "channel", "captured_by", "captured_on", "created_at", "updated_at"],
            sources,
        )
    answers = (
        (equality_id + i, r[0], pick(SEX), pick(ETHNICITY), "", "", "", NOW, NOW)
        for i, r in enumerate(rows)
    )
    with timed("EOI equality answers", n):
        copy(
            EOIEquality,
            [
                "id",
                "eoi",
                "sex",
                "ethnicity",
                "disability",
                "sexual_orientation",
                "religion",
                "created_at",
                "updated_at",
            ],
            answers,
        )


def welfare_cases(n: int, people: list[tuple]) -> None:
    """Cases about officers: about one in ten open (one open case per officer at most)."""
    from people.models import User
    from people.roles import Role
    from welfare.models import WelfareCase

    officers = [p[0] for p in people if p[5] == "officer"]
    team = list(
        User.objects.filter(groups__name=Role.WELFARE_OFFICER.label).values_list("id", flat=True)
    ) or [None]
    first_id = next_id(WelfareCase)
    outcomes = [
        ("retained", 70),
        ("resigned", 15),
        ("staff_role", 7),
        ("transferred", 6),
        ("dispensed", 2),
    ]
    rows = []
    for i in range(n):
        notified = TODAY - timedelta(days=RNG.randrange(4 * 365))
        is_open = i < min(len(officers), n) // 10
        officer = officers[i] if is_open else RNG.choice(officers)
        rows.append(
            (
                first_id + i,
                officer,
                pick([("line_manager", 50), ("welfare_team", 30), ("resignation", 20)]),
                notified,
                RNG.choice(team),
                notified + timedelta(days=2),
                notified + timedelta(days=RNG.randint(0, 4)),
                "" if is_open else pick(outcomes),
                None if is_open else notified + timedelta(days=RNG.randint(5, 120)),
                "Worried about shifts",
                "",
                "",
                "",
                NOW,
                NOW,
            )
        )
    with timed("welfare cases", n):
        copy(
            WelfareCase,
            [
                "id",
                "officer",
                "how_opened",
                "notified_on",
                "assigned_to",
                "first_contact_due",
                "first_contact_on",
                "outcome",
                "closed_on",
                "concern",
                "support_notes",
                "theme_notes",
                "outcome_notes",
                "created_at",
                "updated_at",
            ],
            rows,
        )


def passports(n: int, people: list[tuple]) -> None:
    from adjustments.models import Passport
    from people.models import User
    from people.roles import Role

    officers = list(
        User.objects.filter(groups__name=Role.RA_OFFICER.label).values_list("id", flat=True)
    ) or [people[0][0]]
    first_id = next_id(Passport)
    statuses = [("draft", 10), ("submitted", 10), ("in_review", 10), ("active", 60), ("closed", 10)]
    rows = []
    for i, person in enumerate(people[:n]):
        status = pick(statuses)
        submitted = None if status == "draft" else NOW - timedelta(days=RNG.randrange(1500))
        taken = status in ("in_review", "active")
        rows.append(
            (
                first_id + i,
                person[0],
                status,
                0 if status == "draft" else 1,
                "About me",
                "Dyslexia",
                pick([("visible", 20), ("invisible", 60), ("not_said", 20)]),
                "",
                "",
                "",
                False,
                False,
                "",
                "",
                "",
                RNG.choice(officers) if taken else None,
                submitted,
                NOW if status == "closed" else None,
                TODAY + timedelta(days=RNG.randint(-60, 365)),
                0,
                NOW,
                NOW,
            )
        )
    with timed("adjustment passports", len(rows)):
        copy(
            Passport,
            [
                "id",
                "owner",
                "status",
                "version",
                "about_me",
                "conditions",
                "conditions_visibility",
                "impact",
                "good_day",
                "bad_day",
                "advice_occupational_health",
                "advice_access_to_work",
                "advice_notes",
                "section_4_1",
                "recommendations",
                "ra_officer",
                "submitted_at",
                "closed_at",
                "review_date",
                "reviews_held",
                "created_at",
                "updated_at",
            ],
            rows,
        )


def _performance_years():
    """Five performance years: the demo's two and the three before them."""
    from performance.demo import _scale, _year
    from performance.models import PerformanceYear

    years = list(PerformanceYear.objects.order_by("start_year"))
    scale = _scale()
    first = years[0].start_year if years else TODAY.year - 1
    for start in range(first - 3, first):
        _year(start, scale, closed_from=_date(start + 1, 7, 1))
    years = list(PerformanceYear.objects.order_by("start_year"))
    return years[-5:], list(scale.levels.order_by("rank"))


def _date(y, m, d):
    from datetime import date

    return date(y, m, d)


def ratings(n: int, people: list[tuple]) -> None:
    """n ratings over five years: a fifth of the colleagues rated each year."""
    from performance.models import Rating

    years, levels = _performance_years()
    weights = [3, 10, 60, 20, 7][: len(levels)]
    per_year = n // len(years)
    first_id = next_id(Rating)
    rows = []
    for year in years:
        final = year.closed_from <= TODAY
        for person in RNG.sample(people, min(per_year, len(people))):
            what, how = RNG.choices(levels, weights)[0], RNG.choices(levels, weights)[0]
            rows.append(
                (
                    first_id + len(rows),
                    year.id,
                    person[0],
                    person[8],
                    person[9],
                    what.id,
                    how.id,
                    "CVF 2024",
                    year.year_end_from,
                    "final" if final else "provisional",
                    what.id if final else None,
                    how.id if final else None,
                    year.closed_from if final else None,
                    NOW,
                    NOW,
                )
            )
    with timed("performance ratings (5 years)", len(rows)):
        copy(
            Rating,
            [
                "id",
                "year",
                "person",
                "department",
                "manager",
                "provisional_what",
                "provisional_how",
                "how_framework",
                "provisional_on",
                "status",
                "final_what",
                "final_how",
                "finalised_on",
                "created_at",
                "updated_at",
            ],
            rows,
        )


def benefits(n: int, people: list[tuple]) -> None:
    """Benefits on the demo's projects, each with a profile over four financial years."""
    from programmes.models import Benefit, ProfileLine, Project

    projects = list(Project.objects.values_list("id", "department_id"))
    first_id = next_id(Benefit)
    statuses = [
        ("identified", 10),
        ("validated", 10),
        ("baselined", 15),
        ("tracking", 40),
        ("realised", 15),
        ("partly_realised", 5),
        ("not_realised", 5),
    ]
    rows, lines = [], []
    for i in range(n):
        project, department = RNG.choice(projects)
        status = pick(statuses)
        klass = pick([("cashable", 40), ("non_cashable", 30), ("non_financial", 30)])
        baselined = status not in ("identified", "validated")
        value = Decimal(RNG.randrange(10_000, 2_000_000))
        rows.append(
            (
                first_id + i,
                f"BEN-{first_id + i:06d}",
                project,
                "Fewer hours lost",
                "benefit",
                klass,
                RNG.choice(people)[0],
                department,
                "Hours saved",
                "hours" if klass == "non_financial" else "£",
                value if baselined else None,
                _date(2023, 4, 1) if baselined else None,
                "",
                value * 2 if baselined else None,
                None,
                status,
                None,
                NOW,
                NOW,
            )
        )
        for y in range(2023, 2027):
            label = f"FY{y % 100:02d}/{(y + 1) % 100:02d}"
            lines.append(
                (
                    first_id + i,
                    label,
                    value / 4,
                    value / 4,
                    value / 5 if y < 2026 else None,
                    NOW,
                    NOW,
                )
            )
    with timed("benefits", n):
        copy(
            Benefit,
            [
                "id",
                "reference",
                "project",
                "description",
                "kind",
                "benefit_class",
                "owner",
                "department",
                "measure",
                "unit",
                "baseline_value",
                "baseline_date",
                "baseline_source",
                "target_value",
                "target_date",
                "status",
                "bau_date",
                "created_at",
                "updated_at",
            ],
            rows,
        )
    start = next_id(ProfileLine)
    with timed("benefit profile lines", len(lines)):
        copy(
            ProfileLine,
            [
                "id",
                "benefit",
                "financial_year",
                "planned",
                "forecast",
                "actual",
                "created_at",
                "updated_at",
            ],
            ((start + j, *line) for j, line in enumerate(lines)),
        )
