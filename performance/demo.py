"""Demo performance data: the WMP rating scale, last year (in moderation, one panel closed)
and this year (in progress), objectives, conversations and ratings for the demo colleagues,
and the board paper's eleven promotion processes. Idempotent; bulk inserts for speed."""

import random
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from core.equality import Ethnicity, Sex
from core.periods import FinancialYear
from people.models import Department, EqualityMonitoring, PersonType, Rank, User
from performance.models import (
    CheckIn,
    ModerationDecision,
    ModerationPanel,
    Objective,
    ObjectiveLevel,
    Outcome,
    PerformanceYear,
    PromotionApplication,
    PromotionProcess,
    Rating,
    RatingLevel,
    RatingScale,
    RatingStatus,
    YearEndReview,
)
from performance.paper import PROMOTIONS, SEASON_MONTH, plan_process

LEVELS = [
    ("exceptional", "Exceptional", 5, False, 5),
    ("exceeded", "Exceeded", 4, False, 20),
    ("achieved", "Achieved", 3, True, 55),
    ("partly", "Partly achieved", 2, False, 15),
    ("not-achieved", "Not achieved", 1, False, 5),
]
FORCE_OBJECTIVES = [
    ("Build trust and confidence", "Every contact leaves the public more confident in us."),
    ("Reduce harm", "Prevent crime and protect the vulnerable, focusing on repeat victims."),
]
DEPARTMENTAL = [
    "Meet the department's priority response and investigation standards",
    "Deliver the department's share of the efficiency plan",
]
INDIVIDUAL = [
    "Lead the team's repeat-victim review",
    "Complete the investigators' development programme",
    "Mentor a new colleague through probation",
    "Improve file quality on first submission",
    "Cut overtime spend in the unit",
]
CHANGE_REASONS = [
    "Evidence in the objectives log supports a higher rating than given.",
    "Inconsistent with colleagues rated on comparable evidence.",
    "Year-end review records that one objective was not met.",
]
CLOSED_PANEL = "Birmingham West NPU"
OPEN_PANEL = "Coventry NPU"
UNSTAFFED_PANEL = "Force CID"


@transaction.atomic
def seed(stdout=None) -> None:
    rng = random.Random(2122)  # fixed: the same demo every time
    scale = _scale()
    if not PerformanceYear.objects.exists():
        today = timezone.localdate()
        current = FinancialYear.containing(today).start_year
        previous = _year(
            current - 1, scale, closed_from=max(date(current, 7, 1), today + timedelta(60))
        )
        this = _year(current, scale, closed_from=date(current + 1, 7, 1))
        people = list(User.objects.filter(is_active=True, department__isnull=False))
        _objectives(rng, previous, people, share=0.9)
        _objectives(rng, this, people, share=0.7)
        _conversations(rng, previous, people, reviews=0.75)
        _conversations(rng, this, people, reviews=0.0)
        _ratings_and_panels(rng, previous, people)
    if not PromotionProcess.objects.exists():
        _promotions()
    if stdout:
        stdout.write(
            f"Performance: {PerformanceYear.objects.count()} years, "
            f"{Rating.objects.count()} ratings, {PromotionProcess.objects.count()} promotion "
            "processes."
        )


def _scale() -> RatingScale:
    scale, created = RatingScale.objects.get_or_create(
        name="WMP ratings", defaults={"description": "Five levels; 'Achieved' is the bar."}
    )
    if created:
        RatingLevel.objects.bulk_create(
            RatingLevel(scale=scale, code=c, label=lbl, rank=r, is_achieved=a)
            for c, lbl, r, a, _ in LEVELS
        )
    return scale


def _year(start: int, scale, closed_from: date) -> PerformanceYear:
    year = PerformanceYear(
        start_year=start,
        objective_setting_from=date(start, 4, 1),
        in_year_from=date(start, 6, 1),
        year_end_from=date(start + 1, 3, 1),
        moderation_from=date(start + 1, 4, 15),
        closed_from=closed_from,
        what_scale=scale,
        how_scale=scale,
        how_framework="CVF 2024",
    )
    year.full_clean()
    year.save()
    return year


def _objectives(rng, year, people, share: float) -> None:
    rows = [
        Objective(year=year, level=ObjectiveLevel.FORCE, position=i, title=t, description=d)
        for i, (t, d) in enumerate(FORCE_OBJECTIVES, start=1)
    ]
    for department in Department.objects.all():
        rows += [
            Objective(
                year=year,
                level=ObjectiveLevel.DEPARTMENTAL,
                position=i,
                department=department,
                title=title,
            )
            for i, title in enumerate(DEPARTMENTAL, start=1)
        ]
    for person in people:
        if rng.random() < share:
            titles = rng.sample(INDIVIDUAL, 2 if rng.random() < 0.85 else 1)
            rows += [
                Objective(
                    year=year,
                    level=ObjectiveLevel.INDIVIDUAL,
                    position=i,
                    person=person,
                    title=title,
                    set_by_id=person.line_manager_id,
                    agreed_on=year.in_year_from - timedelta(days=rng.randint(1, 50)),
                )
                for i, title in enumerate(titles, start=1)
            ]
    Objective.objects.bulk_create(rows)


def _conversations(rng, year, people, reviews: float) -> None:
    last = min(timezone.localdate(), year.financial_year.end)
    span = (last - year.financial_year.start).days
    check_ins, done = [], []
    for person in people:
        for _ in range(rng.randint(0, 3)):
            check_ins.append(
                CheckIn(
                    year=year,
                    person=person,
                    held_on=year.financial_year.start + timedelta(rng.randint(0, span)),
                    notes="Talked through progress against objectives and wellbeing.",
                    recorded_by_id=person.line_manager_id,
                )
            )
        if rng.random() < reviews:
            done.append(
                YearEndReview(
                    year=year,
                    person=person,
                    manager_id=person.line_manager_id,
                    summary="Year-end conversation held; objectives and behaviours reviewed.",
                    completed_on=year.year_end_from + timedelta(rng.randint(0, 30)),
                )
            )
    CheckIn.objects.bulk_create(check_ins)
    YearEndReview.objects.bulk_create(done)


def _level_picker(rng, scale):
    levels = {lvl.code: lvl for lvl in scale.levels.all()}
    codes = [c for c, *_ in LEVELS]
    weights = [w for *_, w in LEVELS]
    return lambda: levels[rng.choices(codes, weights=weights)[0]], levels


def _ratings_and_panels(rng, year, people) -> None:
    pick, levels = _level_picker(rng, year.what_scale)
    rated = [p for p in people if p.line_manager_id]
    Rating.objects.bulk_create(
        Rating(
            year=year,
            person=p,
            department_id=p.department_id,
            manager_id=p.line_manager_id,
            provisional_what=pick(),
            provisional_how=pick(),
            how_framework=year.how_framework,
            provisional_on=year.year_end_from + timedelta(rng.randint(0, 30)),
        )
        for p in rated
    )
    moderator = User.objects.filter(staff_number="moderator").first()
    members = [moderator] if moderator else []
    day = year.moderation_from + timedelta(days=7)
    closed = _panel(year, CLOSED_PANEL, members, day)
    _decide_all(rng, closed, levels, share=1.0)
    _close(closed, min(timezone.localdate(), day + timedelta(days=14)), moderator)
    _decide_all(rng, _panel(year, OPEN_PANEL, members, day), levels, share=0.5)
    _panel(year, UNSTAFFED_PANEL, [], day + timedelta(days=21))


def _panel(year, department_name, members, meets_on):
    department = Department.objects.filter(name=department_name).first()
    if department is None:
        return None
    panel = ModerationPanel.objects.create(year=year, department=department, meets_on=meets_on)
    panel.members.set(members)
    return panel


def _moved(rng, rating, levels):
    """Mostly confirmed; about one in six moved a level up or down, with a reason."""
    if rng.random() > 0.16:
        return rating.provisional_what, False
    rank = rating.provisional_what.rank + rng.choice([-1, 1])
    new = next((lvl for lvl in levels.values() if lvl.rank == rank), None)
    return (new, True) if new else (rating.provisional_what, False)


def _decide_all(rng, panel, levels, share: float) -> None:
    if panel is None:
        return
    ratings = Rating.objects.filter(year=panel.year, department=panel.department)
    decisions = []
    for rating in ratings.select_related("provisional_what"):
        if rng.random() >= share:
            continue
        what, changed = _moved(rng, rating, levels)
        decisions.append(
            ModerationDecision(
                rating=rating,
                panel=panel,
                what=what,
                how_id=rating.provisional_how_id,
                changed=changed,
                reason=rng.choice(CHANGE_REASONS) if changed else "",
                decided_by=panel.members.first(),
                decided_on=panel.meets_on,
            )
        )
    ModerationDecision.objects.bulk_create(decisions)
    Rating.objects.filter(pk__in=[d.rating_id for d in decisions]).update(
        status=RatingStatus.MODERATED
    )


def _close(panel, day, moderator) -> None:
    if panel is None:
        return
    for decision in ModerationDecision.objects.filter(panel=panel):
        Rating.objects.filter(pk=decision.rating_id).update(
            final_what=decision.what_id,
            final_how=decision.how_id,
            status=RatingStatus.FINAL,
            finalised_on=day,
        )
    panel.closed_on, panel.closed_by = day, moderator
    panel.save()


# ---- the paper's promotion processes -------------------------------------------------------

POOL = {"female": 70, "minority": 40, "other": 110}


def _pool() -> dict[str, list[User]]:
    """Officers who applied for promotion in 2020-21 (no department: they stand outside the
    demo force's other figures)."""
    unusable = make_password(None)
    users, equality = [], []
    for group, size in POOL.items():
        for n in range(size):
            users.append(
                User(
                    staff_number=f"PA-{group[0].upper()}{n:03d}",
                    first_name="Applicant",
                    last_name=f"{group.title()} {n + 1}",
                    person_type=PersonType.POLICE_OFFICER,
                    rank=Rank.SERGEANT,
                    password=unusable,
                )
            )
    User.objects.bulk_create(users)
    pools = {
        g: list(
            User.objects.filter(staff_number__startswith=f"PA-{g[0].upper()}").order_by(
                "staff_number"
            )
        )
        for g in POOL
    }
    for group, people in pools.items():
        sex = Sex.FEMALE if group == "female" else Sex.MALE
        ethnicity = Ethnicity.ASIAN_PAKISTANI if group == "minority" else Ethnicity.WHITE_BRITISH
        equality += [
            EqualityMonitoring(person=p, sex=sex, ethnicity=ethnicity, disability="N")
            for p in people
        ]
    EqualityMonitoring.objects.bulk_create(equality)
    return pools


def _promotions() -> None:
    pools = _pool()
    applications = []
    for i, paper in enumerate(PROMOTIONS):
        process = PromotionProcess.objects.create(
            from_rank=paper.from_rank,
            to_rank=paper.to_rank,
            season=paper.season,
            year=paper.year,
            opens_on=date(paper.year, SEASON_MONTH[paper.season], 1),
        )
        plan = plan_process(paper)
        for group, (applied, won) in zip(
            POOL, (plan.female, plan.minority, plan.other), strict=True
        ):
            people = pools[group]
            start = (i * 7) % len(people)
            chosen = (people[start:] + people[:start])[:applied]
            applications += [
                PromotionApplication(
                    process=process,
                    applicant=person,
                    outcome=Outcome.SUCCESSFUL if k < won else Outcome.UNSUCCESSFUL,
                )
                for k, person in enumerate(chosen)
            ]
    PromotionApplication.objects.bulk_create(applications)
