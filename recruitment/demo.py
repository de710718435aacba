"""Demo recruitment: a year of campaigns (with a six-day Op Inscription-style event and its
recruitment and engagement zones), ambassadors, a few thousand EOIs, the pipeline, intakes and
positive action. Idempotent: it adds only what is missing. A fixed seed gives the same year
every time, dated back from today."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from core.equality import Ethnicity, Sex
from core.models import Setting
from people.models import EntryRoute, PersonType, User
from recruitment import figures, selectors, services
from recruitment.models import (
    Ambassador,
    Campaign,
    Candidate,
    Channel,
    EOIEquality,
    EOISource,
    ExpressionOfInterest,
    Intake,
    PipelineStage,
    PositiveActionSupport,
    StageResult,
    Zone,
)

EOI = ExpressionOfInterest
EOI_COUNT = 2800
NATIONAL_STAGES = [
    ("Eligibility", False),
    ("Online sift", True),
    ("Assessment centre", True),
    ("Fitness test", False),
    ("Interview", True),
    ("Medical", False),
    ("Vetting", False),
    ("References", False),
]
STAGES = {
    EntryRoute.PCDA: NATIONAL_STAGES,
    EntryRoute.DHEP: NATIONAL_STAGES,
    EntryRoute.DC_DHEP: NATIONAL_STAGES,
    EntryRoute.PCEP: NATIONAL_STAGES,
    EntryRoute.SPECIAL: [
        ("Eligibility", False),
        ("Assessment", True),
        ("Fitness test", False),
        ("Medical", False),
        ("Vetting", False),
    ],
}
FIRST = ["Aisha", "Ben", "Callum", "Daniel", "Ella", "Fatima", "George", "Hannah", "Imran",
         "Jade", "Kieran", "Leah", "Mohammed", "Nadia", "Oliver", "Priya", "Qasim", "Rosie",
         "Sanjay", "Tom", "Uchenna", "Victoria", "Yasmin", "Zara", "Harpreet", "Kwame",
         "Megan", "Liam", "Sophie", "Tariq", "Grace", "Jack", "Amelia", "Chen", "Deji"]  # fmt: skip
LAST = ["Smith", "Jones", "Khan", "Taylor", "Brown", "Ali", "Williams", "Begum", "Patel",
        "Evans", "Hussain", "Wright", "Singh", "Walker", "Campbell", "Thomas", "Okoro",
        "Roberts", "Ahmed", "Green", "Mensah", "Clarke", "Kaur", "Murphy", "Nowak"]  # fmt: skip
OUTWARD = ["B6", "B7", "B8", "B10", "B11", "B12", "B19", "B20", "B21", "B42", "B44", "B23",
           "CV1", "CV2", "CV6", "WV1", "WV10", "WS1", "WS2", "DY1", "B70", "B66"]  # fmt: skip
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
MINORITY = [c for c in Ethnicity.values if c not in ("W_BRI", "PNS")]


def _campaign_specs(today: date) -> list[dict]:
    """A year of campaigns ending around today."""

    def ago(days):
        return today - timedelta(days=days)

    return [
        dict(name="Op Inscription", channel=Channel.EVENT, starts_on=ago(200), days=6,
             place="One Stop Shopping Centre, Perry Barr", cost="12500",
             routes=["pcda", "dhep", "dc_dhep"],
             zones=[("Recruitment zone: stall", "recruitment"),
                    ("Engagement zone: leafleting", "engagement")]),
        dict(name="DC DHEP detective campaign", channel=Channel.SOCIAL, starts_on=ago(300),
             days=42, place="Online", cost="8000", routes=["dc_dhep"], zones=[]),
        dict(name="Tap In social media influencers", channel=Channel.SOCIAL, starts_on=ago(120),
             days=60, place="Online", cost="15000", routes=["pcda", "dhep"], zones=[]),
        dict(name="Summer Academy", channel=Channel.SCHOOL, starts_on=ago(150), days=5,
             place="Central Birmingham school", cost="3000", routes=["pcda"], zones=[]),
        dict(name="Coventry careers fair", channel=Channel.EVENT, starts_on=ago(60), days=2,
             place="Coventry Building Society Arena", cost="1500", routes=["pcda", "special"],
             zones=[("Stand", "recruitment")]),
        dict(name="Vaisakhi community stall", channel=Channel.EVENT, starts_on=ago(230), days=1,
             place="Handsworth Park", cost="900", routes=["pcda", "pcso", "special"],
             zones=[("Stall", "recruitment"), ("Park walkabout", "engagement")]),
        dict(name="Winter open evening", channel=Channel.EVENT, starts_on=ago(2), days=6,
             place="Lloyd House, Birmingham", cost="600", routes=["pcda", "dhep"],
             zones=[("Reception", "recruitment"), ("Colmore Row", "engagement")]),
    ]  # fmt: skip


def _campaigns(today: date) -> list[Campaign]:
    campaigns = []
    for spec in _campaign_specs(today):
        campaign, _ = Campaign.objects.get_or_create(
            name=spec["name"],
            defaults=dict(
                channel=spec["channel"],
                starts_on=spec["starts_on"],
                ends_on=spec["starts_on"] + timedelta(days=spec["days"] - 1),
                place=spec["place"],
                cost=Decimal(spec["cost"]),
                target_routes=spec["routes"],
            ),
        )
        for name, kind in spec["zones"]:
            Zone.objects.get_or_create(campaign=campaign, name=name, defaults={"kind": kind})
        campaign.demo_zones = list(campaign.zones.all())
        campaigns.append(campaign)
    return campaigns


def _stages() -> None:
    for route, stages in STAGES.items():
        for order, (name, scored) in enumerate(stages, start=1):
            PipelineStage.objects.get_or_create(
                route=route, name=name, defaults={"order": order, "scored": scored}
            )


def _ambassadors(today: date) -> list[Ambassador]:
    people = [User.objects.get(staff_number="ambassador")]
    people += list(
        User.objects.filter(
            staff_number__startswith="D", person_type=PersonType.POLICE_OFFICER, is_active=True
        ).order_by("staff_number")[:24]
    )
    enrolled = {a.person_id: a for a in Ambassador.objects.filter(person__in=people)}
    return [
        enrolled.get(person.pk)
        or services.ambassador_enrol(
            actor=None,
            person=person,
            inducted_on=today - timedelta(days=330),
            trainer="Insp Dee Morgan",
        )
        for person in people
    ]


def _postcode(rng) -> str:
    letters = rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{rng.choice(OUTWARD)} {rng.randint(1, 9)}{letters}"


def _event_source(rng, today, campaigns, ambassadors, users) -> dict:
    events = [c for c in campaigns if c.channel == Channel.EVENT]
    weights = [60 if c.name == "Op Inscription" else 13 for c in events]
    campaign = rng.choices(events, weights=weights)[0]
    zone = rng.choice(campaign.demo_zones or [None])
    day = campaign.starts_on + timedelta(days=rng.randint(0, campaign_days(campaign) - 1))
    takers = [users["recruit"], users["positive"], *[a.person for a in ambassadors[:6]]]
    return dict(channel=Channel.EVENT, campaign=campaign, zone=zone, ambassador=None,
                captured_by=rng.choice(takers), captured_on=min(day, today))  # fmt: skip


def _pick_source(rng, today, campaigns, ambassadors, users) -> dict:
    """Channel mix: events about a third, ambassadors a fifth, the rest web, social, schools."""
    roll = rng.random()
    if roll < 0.34:
        return _event_source(rng, today, campaigns, ambassadors, users)
    if roll < 0.54:
        ambassador = ambassadors[0] if rng.random() < 0.2 else rng.choice(ambassadors)
        return dict(channel=Channel.AMBASSADOR, campaign=None, zone=None, ambassador=ambassador,
                    captured_by=ambassador.person,
                    captured_on=today - timedelta(days=rng.randint(0, 364)))  # fmt: skip
    channel = rng.choices([Channel.WEB, Channel.SOCIAL, Channel.SCHOOL], weights=[55, 38, 7])[0]
    pool = [c for c in campaigns if c.channel == channel]
    campaign = rng.choice(pool) if pool and rng.random() < 0.7 else None
    if campaign:
        day = campaign.starts_on + timedelta(days=rng.randint(0, campaign_days(campaign) - 1))
    else:
        day = today - timedelta(days=rng.randint(0, 364))
    return dict(channel=channel, campaign=campaign, zone=None, ambassador=None,
                captured_by=users["recruit"], captured_on=min(day, today))  # fmt: skip


def campaign_days(campaign: Campaign) -> int:
    return (campaign.ends_on - campaign.starts_on).days + 1


def _eoi(rng, n, source, today, users, twin: EOI | None = None) -> EOI:
    """One EOI; given a `twin`, the same person again from another channel (a duplicate)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    route = rng.choices(
        [EntryRoute.PCDA, EntryRoute.DHEP, EntryRoute.DC_DHEP, EntryRoute.PCEP, EntryRoute.SPECIAL],
        weights=[45, 22, 10, 13, 10],
    )[0]
    age = (today - source["captured_on"]).days
    status, reason, next_on = _status(rng, age, today)
    eoi = EOI(
        first_name=first,
        last_name=last,
        email=f"{first}.{last}.{n}@example.com".lower() if rng.random() < 0.9 else "",
        phone=f"+447700{n:06d}"[:13],
        postcode=_postcode(rng),
        route=route,
        over_17=True,
        right_to_work=rng.random() > 0.03,
        lived_in_uk_3_years=rng.random() > 0.05,
        has_degree=route in (EntryRoute.DHEP, EntryRoute.DC_DHEP) or rng.random() < 0.3,
        consent_to_contact=True,
        received_on=source["captured_on"],
        captured_by=source["captured_by"],
        assigned_to=users["recruit"] if status != EOI.Status.NEW or rng.random() < 0.5 else None,
        status=status,
        closed_reason=reason,
        next_action="Call back about the application" if next_on else "",
        next_action_on=next_on,
    )
    if twin is not None:
        eoi.first_name, eoi.last_name, eoi.postcode = twin.first_name, twin.last_name, twin.postcode
        eoi.email, eoi.phone = twin.email, twin.phone
        eoi.status, eoi.closed_reason = EOI.Status.NEW, ""
    return eoi


def _status(rng, age: int, today: date):
    if age < 7:
        return EOI.Status.NEW, "", today + timedelta(days=rng.randint(1, 5))
    roll = rng.random()
    if roll < 0.22 and age > 30:
        return EOI.Status.APPLIED, "", None
    if roll < 0.50:
        reason = rng.choice(["not_eligible", "no_response", "no_response", "withdrawn"])
        return EOI.Status.CLOSED, reason, None
    status = rng.choice([EOI.Status.CONTACTED, EOI.Status.APPLYING, EOI.Status.NEW])
    return status, "", today + timedelta(days=rng.randint(-7, 21))


def _equality(rng, eoi: EOI, source: dict) -> EOIEquality | None:
    if rng.random() > 0.72:
        return None
    minority_chance = (
        0.42 if source["campaign"] and source["campaign"].name == "Op Inscription" else 0.24
    )
    if rng.random() < 0.04:
        ethnicity = Ethnicity.PREFER_NOT_TO_SAY
    elif rng.random() < minority_chance:
        ethnicity = rng.choice(MINORITY)
    else:
        ethnicity = Ethnicity.WHITE_BRITISH
    sex = rng.choices([Sex.FEMALE, Sex.MALE, Sex.PREFER_NOT_TO_SAY], weights=[38, 58, 4])[0]
    disability = rng.choices(["Y", "N", "PNS"], weights=[9, 87, 4])[0]
    return EOIEquality(eoi=eoi, ethnicity=ethnicity, sex=sex, disability=disability)  # fmt: skip


def _eois(rng, today, campaigns, ambassadors, users) -> None:
    sources = [_pick_source(rng, today, campaigns, ambassadors, users) for _ in range(EOI_COUNT)]
    built = []
    for n, source in enumerate(sources, start=1):
        twin = built[-rng.randint(1, 50)] if built and rng.random() < 0.012 else None
        built.append(_eoi(rng, n, source, today, users, twin=twin))
    eois = EOI.objects.bulk_create(built, batch_size=500)
    EOISource.objects.bulk_create(
        [EOISource(eoi=eoi, **source) for eoi, source in zip(eois, sources, strict=True)],
        batch_size=500,
    )
    records = [_equality(rng, eoi, source) for eoi, source in zip(eois, sources, strict=True)]
    EOIEquality.objects.bulk_create([r for r in records if r], batch_size=500)


def _pass_chance(scored: bool, minority: bool) -> float:
    base = 0.78 if scored else 0.92
    return base - (0.07 if minority and scored else 0.0)


def _candidates(rng, today, users) -> None:
    applied = EOI.objects.filter(status=EOI.Status.APPLIED, candidate__isnull=True).select_related(
        "equality"
    )
    stages = {route: list(PipelineStage.objects.filter(route=route)) for route in STAGES}
    results = []
    for eoi in applied:
        route = eoi.route
        candidate = Candidate.objects.create(
            eoi=eoi, route=route, applied_on=eoi.received_on + timedelta(days=rng.randint(5, 25))
        )
        minority = getattr(getattr(eoi, "equality", None), "ethnicity", "") in MINORITY
        results += _walk(rng, candidate, stages[route], minority, today, users["recruit"])
    StageResult.objects.bulk_create(results, batch_size=500)


CONDITIONAL_AFTER = {"Interview", "Assessment"}  # the offer is conditional on the checks


def _end(candidate, result: str) -> None:
    withdrawn = result == StageResult.Result.WITHDRAWN
    candidate.status = Candidate.Status.WITHDRAWN if withdrawn else Candidate.Status.UNSUCCESSFUL
    candidate.save(update_fields=["status"])


def _walk(rng, candidate, stages, minority, today, officer) -> list[StageResult]:
    """Take a candidate through the stages until they fail, withdraw or run out of time."""
    rows, day = [], candidate.applied_on
    for stage in stages:
        day += timedelta(days=rng.randint(7, 21))
        if day >= today:
            break
        passed = rng.random() < _pass_chance(stage.scored, minority)
        result = "pass" if passed else rng.choice(["fail", "fail", "withdrawn", "no_show"])
        score = Decimal(rng.randint(11, 20) * 5) if stage.scored else None
        rows.append(StageResult(candidate=candidate, stage=stage, result=result, score=score,
                                recorded_by=officer, recorded_on=day))  # fmt: skip
        if not passed:
            _end(candidate, result)
            return rows
        if stage.name in CONDITIONAL_AFTER:
            candidate.status, candidate.conditional_offer_on = "conditional", day
    else:
        candidate.status, candidate.final_offer_on = Candidate.Status.FINAL_OFFER, day
    candidate.save()
    return rows


def _intakes(today: date) -> dict[str, list[Intake]]:
    plan = [
        ("PCDA intake", EntryRoute.PCDA, [-240, -60, 45]),
        ("DHEP intake", EntryRoute.DHEP, [-150, 75]),
        ("DC DHEP intake", EntryRoute.DC_DHEP, [-90]),
        ("PCEP intake", EntryRoute.PCEP, [-30, 120]),
        ("Specials intake", EntryRoute.SPECIAL, [-120]),
    ]
    intakes: dict[str, list[Intake]] = {}
    for label, route, offsets in plan:
        for offset in offsets:
            start = today + timedelta(days=offset)
            intake, _ = Intake.objects.get_or_create(
                route=route,
                start_date=start,
                defaults={"name": f"{label} {start:%B %Y}", "capacity": 60},
            )
            intakes.setdefault(route, []).append(intake)
    return intakes


PAST_INTAKE_STARTERS = 20  # keeps the demo quick: each starter becomes a colleague


def _start_joiners(today, intakes, users) -> None:
    """Final offers join the next intake of their route with room; past intakes' joiners
    start (through the service, so each becomes a student officer with a probation)."""
    ready = Candidate.objects.filter(status=Candidate.Status.FINAL_OFFER, intake__isnull=True)
    placed: dict[int, list[int]] = {}
    for candidate in ready.order_by("final_offer_on", "id"):
        for intake in intakes.get(candidate.route, []):
            room = (
                intake.start_date > today or len(placed.get(intake.pk, [])) < PAST_INTAKE_STARTERS
            )
            if intake.start_date > candidate.final_offer_on and room:
                placed.setdefault(intake.pk, []).append(candidate.pk)
                break
    for intake_pk, candidate_pks in placed.items():
        Candidate.objects.filter(pk__in=candidate_pks).update(intake_id=intake_pk)
    starters = Candidate.objects.filter(
        intake__start_date__lte=today, status=Candidate.Status.FINAL_OFFER
    ).exclude(route=EntryRoute.SPECIAL)
    for candidate in starters.order_by("id"):
        services.candidate_start(
            actor=users["recruit"], candidate=candidate, staff_number=f"R{candidate.pk:05d}"
        )


def _positive_action(rng, users) -> None:
    minority_eois = EOI.objects.filter(
        equality__ethnicity__in=MINORITY, status__in=["applying", "applied"]
    )
    kinds = [k for k, _ in PositiveActionSupport.Kind.choices]
    PositiveActionSupport.objects.bulk_create(
        PositiveActionSupport(
            eoi=eoi,
            kind=rng.choice(kinds),
            given_on=eoi.received_on + timedelta(days=rng.randint(3, 30)),
            given_by=users["positive"],
            group="Ethnic minority applicants (EMG)",
            notes="Offered through the positive action team.",
        )
        for eoi in minority_eois.order_by("id")[:80]
    )


def _merge_some(users) -> None:
    """Merge a handful of the duplicates, as an officer would, keeping both sources."""
    merged = 0
    for eoi in EOI.objects.filter(status=EOI.Status.NEW, merged_into__isnull=True).order_by("-id"):
        twin = selectors.duplicates_of(eoi=eoi).filter(candidate__isnull=True).first()
        if twin is None or hasattr(eoi, "candidate"):
            continue
        services.eoi_merge(actor=users["recruit"], keep=twin, duplicate=eoi)
        merged += 1
        if merged == 6:
            return


def _tie_break(users) -> None:
    """One s159 decision between two equal assessment-centre scores."""
    stage = PipelineStage.objects.get(route=EntryRoute.PCDA, name="Assessment centre")
    passes = StageResult.objects.filter(stage=stage, result="pass").order_by("score", "id")
    by_score: dict = {}
    for row in passes.select_related("candidate__eoi"):
        by_score.setdefault(row.score, []).append(row.candidate)
    pair = next((c[:2] for c in by_score.values() if len(c) >= 2), None)
    if pair:
        services.tie_break_record(
            actor=users["positive"],
            stage=stage,
            candidates=pair,
            preferred=pair[1],
            characteristic="ethnicity",
            evidence="Ethnic minority officers are 12% of the force against 29.9% of the "
            "population the force serves (2021 census).",
            reason="Equal scores at the assessment centre; offered the earlier vetting slot.",
        )


SETTINGS = [
    (figures.TARGET_KEY, 29.9, "Recruitment: target share (%) of intakes from under-represented "
     "groups; the board paper assumes 29.9% (census)."),
    ("recruitment-minority-definition", "emg", "Recruitment figures: 'emg' (every group except "
     "White British) or 'home_office' (excludes all White groups)."),
]  # fmt: skip


def _settings() -> None:
    """Show the recruitment settings in admin with their defaults, so they can be found."""
    for key, value, description in SETTINGS:
        Setting.objects.get_or_create(
            key=key, defaults={"value": value, "description": description}
        )


@transaction.atomic
def seed(stdout=None) -> None:
    today = date.today()
    users = {
        u.staff_number: u
        for u in User.objects.filter(staff_number__in=["recruit", "positive", "ambassador"])
    }
    _settings()
    campaigns = _campaigns(today)
    _stages()
    ambassadors = _ambassadors(today)
    intakes = _intakes(today)
    if not EOI.objects.exists():
        rng = random.Random(2021)  # the Gold group's year: the same demo every time
        _eois(rng, today, campaigns, ambassadors, users)
        _candidates(rng, today, users)
        _start_joiners(today, intakes, users)
        _positive_action(rng, users)
        _merge_some(users)
        _tie_break(users)
    if stdout:
        stdout.write(
            f"Recruitment: {Campaign.objects.count()} campaigns, {EOI.objects.count()} EOIs, "
            f"{Candidate.objects.count()} candidates, "
            f"{Candidate.objects.filter(status='started').count()} started."
        )
