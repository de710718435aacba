"""Demo reasonable adjustments: passports in every state (one for 'colleague', shared with
'manager'), adjustments in every state with costs and funders, Access to Work awards,
dyslexia referrals at every stage and joiners' needs from recruitment. Idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from adjustments import services
from adjustments.models import Adjustment, Passport
from people.models import EntryRoute, User
from people.services import student_officer_create

CONDITIONS = [
    ("Dyslexia", "invisible", "Reading long files and writing statements takes me longer."),
    ("Type 1 diabetes", "invisible", "I need to check my blood sugar and eat at set times."),
    ("Hearing loss in one ear", "invisible", "Radio traffic in a noisy car is hard to follow."),
    ("Arthritis in my knees", "visible", "Long standing at scenes and stairs are painful."),
    ("ADHD", "invisible", "Open-plan noise breaks my concentration."),
    ("Anxiety", "invisible", "Short-notice shift changes make it worse."),
    ("Wheelchair user", "visible", "I need step-free access and an adjustable desk."),
    ("Migraine", "invisible", "Bright screens and strip lights trigger an attack."),
]
ADJUSTMENTS = [
    ("Screen-reading and mind-mapping software", "software", 180),
    ("Height-adjustable desk", "equipment", 450),
    ("Fixed shift pattern", "hours", 0),
    ("Coloured overlays and a tinted screen filter", "equipment", 25),
    ("Quiet room for report writing", "environment", 0),
    ("Noise-cancelling headset", "equipment", 220),
    ("Extra time in written assessments", "training", 0),
    ("No lone night patrols for six months", "duties", 0),
    ("Ergonomic chair", "equipment", 650),
    ("Support worker for training days", "other", 1200),
]
# how far each demo passport goes: draft, submitted, in review, active (several), closed
PLAN = ["draft"] * 3 + ["submitted"] * 4 + ["in_review"] * 4 + ["active"] * 14 + ["closed"] * 3


def _days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def _sections(rng) -> dict:
    condition, visibility, impact = rng.choice(CONDITIONS)
    return {
        "about_me": "I work shifts and want to do my job as well as I can.",
        "conditions": condition,
        "conditions_visibility": visibility,
        "impact": impact,
        "good_day": "I manage my own workload without help.",
        "bad_day": "I need a quieter task and a little more time.",
        "advice_occupational_health": rng.random() < 0.5,
        "advice_access_to_work": rng.random() < 0.4,
    }


def _adjustment(rng, ra, passport, stage: str) -> None:
    description, kind, cost = rng.choice(ADJUSTMENTS)
    asked = rng.randint(40, 330)
    funder = "access_to_work" if cost >= 400 and rng.random() < 0.5 else "force"
    adjustment = services.adjustment_request(
        actor=ra,
        passport=passport,
        description=description,
        kind=kind,
        cost=Decimal(cost),
        funder=funder,
        requested_on=_days_ago(asked),
    )
    if stage == "requested":
        return
    decided = asked - rng.randint(1, min(30, asked - 5))
    if stage == "declined":
        services.adjustment_decline(
            actor=ra,
            adjustment=adjustment,
            category=rng.choice(["not_reasonable", "alternative", "operational"]),
            reason="Discussed with the colleague; an alternative was offered.",
            decided_on=_days_ago(decided),
        )
        return
    services.adjustment_agree(actor=ra, adjustment=adjustment, decided_on=_days_ago(decided))
    if stage == "agreed":
        return
    placed = decided - rng.randint(0, min(45, decided - 2))
    services.adjustment_in_place(actor=ra, adjustment=adjustment, in_place_on=_days_ago(placed))
    if stage == "ended":
        services.adjustment_end(actor=ra, adjustment=adjustment, ended_on=_days_ago(1))


def _progress(rng, ra, passport, owner, state: str) -> Passport:
    if state == "draft":
        return passport
    services.passport_submit(actor=owner, passport=passport)
    if state == "submitted":  # some wait past the acknowledgement target
        submitted = timezone.now() - timedelta(days=rng.randint(0, 12))
        Passport.objects.filter(pk=passport.pk).update(submitted_at=submitted)
        return passport
    services.passport_take(actor=ra, passport=passport)
    services.passport_recommend(
        actor=ra,
        passport=passport,
        recommendations="Agree the adjustments below; review in 6 months.",
    )
    stages = ["requested", "agreed", "in_place", "in_place", "declined", "ended"]
    for _ in range(rng.randint(1, 3)):
        _adjustment(rng, ra, passport, rng.choice(stages) if state != "in_review" else "requested")
    if state in ("active", "closed"):
        services.passport_activate(actor=ra, passport=passport)
    if state == "closed":
        services.passport_close(actor=ra, passport=passport, reason="Colleague left the force")
    return passport


def _access_to_work(rng, ra, passport, n: int) -> None:
    applied = rng.randint(60, 300)
    award = Decimal(rng.choice([850, 1500, 2400, 3900]))
    services.access_to_work_record(
        actor=ra,
        passport=passport,
        applied_on=_days_ago(applied),
        reference=f"ATW/{2025 + n % 2}/{10400 + n}",
        assessment_on=_days_ago(applied - 14),
        assessment_notes="Workplace assessment recommended software and a support worker.",
        award_amount=award,
        award_on=_days_ago(applied - 35),
        employer_share=Decimal(rng.choice([0, 300, 500])),
        review_on=_days_ago(applied - 35) + timedelta(days=3 * 365),
    )


def _passports(rng, users) -> int:
    ra = users["raofficer"]
    colleague = User.objects.get(staff_number="colleague")
    passport = services.passport_create(actor=colleague, owner=colleague, **_sections(rng))
    _progress(rng, ra, passport, colleague, "active")
    services.passport_consent_give(actor=colleague, passport=passport)
    owners = list(User.objects.filter(staff_number__startswith="D").order_by("id")[: len(PLAN)])
    for n, (owner, state) in enumerate(zip(owners, PLAN, strict=False)):
        passport = services.passport_create(actor=owner, owner=owner, **_sections(rng))
        _progress(rng, ra, passport, owner, state)
        if state == "active" and n % 3 == 0:
            _access_to_work(rng, ra, passport, n)
        if state == "active" and n % 5 == 0:  # a review that has fallen due
            Passport.objects.filter(pk=passport.pk).update(
                review_date=_days_ago(rng.randint(1, 20))
            )
    return len(owners) + 1


def _joiners(rng, ra) -> list[User]:
    joiners = []
    for n in range(1, 13):
        start = _days_ago(-40) if n <= 8 else _days_ago(200)
        joiners.append(
            student_officer_create(
                actor=None,
                staff_number=f"J{n:04d}",
                first_name=rng.choice(["Ade", "Beth", "Cal", "Dev", "Eve", "Finn", "Gita"]),
                last_name=rng.choice(["Moss", "Shah", "Okon", "Hart", "Lee", "Nash"]),
                email=f"j{n:04d}@peel.example",
                route=rng.choice([EntryRoute.PCDA, EntryRoute.DHEP]),
                start_date=start,
            )
        )
    return joiners


def _referrals(rng, users, joiners) -> None:
    ra, assessor = users["raofficer"], users["assessor"]
    for n, joiner in enumerate(joiners):
        referral = services.referral_send(actor=ra, person=joiner, form_sent_on=_days_ago(90))
        if n % 4 == 1:
            services.referral_decline(actor=joiner, referral=referral, on=_days_ago(80))
            continue
        if n % 4 == 2:
            continue  # not answered yet
        services.referral_return(actor=joiner, referral=referral, on=_days_ago(75))
        services.referral_book_screening(
            actor=ra, referral=referral, assessor=assessor, screening_on=_days_ago(60)
        )
        outcome = "indicative" if n % 2 == 0 else "not_indicative"
        services.referral_record_screening(
            actor=assessor, referral=referral, outcome=outcome, recommendations=""
        )
        if outcome == "indicative":
            services.referral_book_assessment(
                actor=assessor, referral=referral, assessment_on=_days_ago(45)
            )
            services.referral_record_assessment(
                actor=assessor,
                referral=referral,
                result="dyslexia",
                recommendations="Coloured overlays; extra time in exams; assistive software.",
            )
            services.referral_risk_assessment(actor=ra, referral=referral, on=_days_ago(30))


def _needs(users) -> None:
    recruiter = users["recruit"]
    for n, (name, details) in enumerate(
        [
            ("Kemi Ade", "Coloured overlays; extra time in the written test"),
            ("Tom Hart", "Hearing aid compatible radio earpiece"),
            ("Lara Shah", "Step-free access to the training centre"),
        ],
        start=1,
    ):
        services.joiner_need_record(
            actor=recruiter,
            name=name,
            details=details,
            source=f"Demo EOI {n}",
            expected_start=_days_ago(-60),
        )


@transaction.atomic
def seed(stdout=None) -> None:
    if Passport.objects.filter(owner__staff_number="colleague").exists():
        return
    users = {
        u.staff_number: u
        for u in User.objects.filter(staff_number__in=["raofficer", "assessor", "recruit"])
    }
    rng = random.Random(47)  # board paper §47
    count = _passports(rng, users)
    _referrals(rng, users, _joiners(rng, users["raofficer"]))
    _needs(users)
    if stdout:
        stdout.write(
            f"\nAdjustments: {count} passports, {Adjustment.objects.count()} adjustments, "
            "12 dyslexia referrals, 3 joiners' requests."
        )
