"""Demo programmes and benefits: the board paper's Table 1 and Table 2 exactly, a benefit
register with profiles, measurements and baselines, and two annual benefits reviews
(as at 30 September 2020 and 2021) to compare. Idempotent: skipped once loaded."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from people.models import Department, User
from programmes import paper, services
from programmes.models import BenefitClass, BenefitKind, BenefitStatus, Project

B, DB = BenefitKind.BENEFIT, BenefitKind.DIS_BENEFIT
CASH, NON_CASH, NON_FIN = (
    BenefitClass.CASHABLE,
    BenefitClass.NON_CASHABLE,
    BenefitClass.NON_FINANCIAL,
)
S = BenefitStatus
YEARS = ("FY21/22", "FY22/23", "FY23/24", "FY24/25", "FY25/26", "FY26/27")

# reference, (programme, project), kind, class, department, measure, unit, yearly planned,
# status reached by the 2020 review, status reached by the 2021 review
REGISTER = [
    (
        "BEN-OD-001",
        ("Our Data", "Connect"),
        B,
        CASH,
        "Change and Transformation",
        "Legacy system licences and support removed",
        "£",
        400_000,
        S.BASELINED,
        S.TRACKING,
    ),
    (
        "BEN-OD-002",
        ("Our Data", "Connect"),
        B,
        NON_CASH,
        "Birmingham East NPU",
        "Officer time released by mobile data entry",
        "£",
        2_500_000,
        S.VALIDATED,
        S.TRACKING,
    ),
    (
        "BEN-OD-003",
        ("Our Data", "Connect"),
        DB,
        NON_CASH,
        "Birmingham West NPU",
        "Training abstraction while officers learn Connect",
        "£",
        150_000,
        S.BASELINED,
        S.TRACKING,
    ),
    (
        "BEN-OD-004",
        ("Our Data", "DDI"),
        B,
        NON_FIN,
        "Intelligence",
        "Minutes to complete an intelligence check during a call",
        "minutes",
        4,
        S.IDENTIFIED,
        S.BASELINED,
    ),
    (
        "BEN-OD-005",
        ("Our Data", "ControlWorks"),
        B,
        NON_CASH,
        "Force Contact",
        "Service desk demand avoided by self-service incident closure",
        "£",
        120_000,
        S.VALIDATED,
        S.TRACKING,
    ),
    (
        "BEN-II-001",
        ("Improving Investigations", "DES"),
        B,
        CASH,
        "Force CID",
        "Digital evidence no longer stored on discs",
        "£",
        180_000,
        S.BASELINED,
        S.TRACKING,
    ),
    (
        "BEN-II-002",
        ("Improving Investigations", "DES"),
        B,
        NON_CASH,
        "Force CID",
        "Investigator time saved not collecting evidence",
        "£",
        650_000,
        S.IDENTIFIED,
        S.VALIDATED,
    ),
    (
        "BEN-II-003",
        ("Improving Investigations", "Review Tool"),
        B,
        NON_FIN,
        "Public Protection Unit",
        "Days to release a device from detained property",
        "days",
        10,
        S.IDENTIFIED,
        S.IDENTIFIED,
    ),
    (
        "BEN-ES-001",
        ("Estates", "Estates"),
        B,
        CASH,
        "Finance",
        "Annual revenue costs removed from disposed buildings",
        "£",
        1_200_000,
        S.BASELINED,
        S.TRACKING,
    ),
    (
        "BEN-ES-002",
        ("Estates", "Estates"),
        B,
        CASH,
        "Finance",
        "Capital receipt from the sale of Aston Police Station",
        "£",
        900_000,
        S.VALIDATED,
        S.BASELINED,
    ),
    (
        "BEN-ES-003",
        ("Estates", "Heritage"),
        B,
        NON_FIN,
        "People and Organisational Development",
        "Visitors rating the museum and heritage centre good or better",
        "%",
        80,
        S.BASELINED,
        S.REALISED,
    ),
    (
        "BEN-SA-001",
        ("Standalone", "BWV"),
        B,
        NON_FIN,
        "Birmingham West NPU",
        "Share of incidents with body worn video evidence",
        "%",
        70,
        S.BASELINED,
        S.TRACKING,
    ),
    (
        "BEN-PB-001",
        ("PBB", "Priority Based Budgeting"),
        B,
        CASH,
        "Finance",
        "Phase 1 and 2 savings removed from the base budget",
        "£",
        900_000,
        S.TRACKING,
        S.REALISED,
    ),
    (
        "BEN-NR-001",
        ("New Ways of Responding", "Smarter R"),
        B,
        NON_CASH,
        "Operations",
        "Response hours released by smarter resourcing",
        "£",
        300_000,
        S.VALIDATED,
        S.WITHDRAWN,
    ),
]
# Non-financial measures: (baseline, target) in their own unit.
NON_FINANCIAL_BASELINES = {
    "BEN-OD-004": (12, 4),
    "BEN-II-003": (30, 10),
    "BEN-ES-003": (55, 80),
    "BEN-SA-001": (35, 70),
}
PATHS = [S.IDENTIFIED, S.VALIDATED, S.BASELINED, S.TRACKING]
ESTATES_BEFORE_REBASELINE = Decimal("4500000")


def _people():
    benefits = User.objects.get(staff_number="benefits")
    approver = User.objects.filter(staff_number="admin").first() or benefits
    owners = list(User.objects.filter(staff_number__startswith="D").order_by("staff_number")[:12])
    return benefits, approver, owners or [benefits]


def _baseline_and_target(benefit) -> tuple[Decimal, Decimal]:
    if benefit.reference in NON_FINANCIAL_BASELINES:
        return tuple(Decimal(v) for v in NON_FINANCIAL_BASELINES[benefit.reference])
    return Decimal(0), sum((line.planned for line in benefit.profile.all()), Decimal(0))


def _advance(benefit, to, *, actor, approver, as_at: date):
    """Walk a benefit along identified -> validated -> baselined -> tracking, then to `to`."""
    if to == S.WITHDRAWN:
        services.benefit_transition(actor=actor, benefit=benefit, to=to)
        return
    last = PATHS.index(to) if to in PATHS else len(PATHS) - 1
    for step in PATHS[PATHS.index(benefit.status) + 1 : last + 1]:
        if step == S.BASELINED:
            baseline, target = _baseline_and_target(benefit)
            services.benefit_baseline(
                actor=actor,
                benefit=benefit,
                value=baseline,
                baseline_date=date(as_at.year - 1, 4, 1),
                source="Business case and finance ledger",
                target_value=target,
                approved_by=approver,
                approved_on=as_at,
            )
        else:
            services.benefit_transition(actor=actor, benefit=benefit, to=step)
    if to not in PATHS:
        bau = as_at if to == S.REALISED else None
        services.benefit_transition(actor=actor, benefit=benefit, to=to, bau_date=bau)


def _create_register(actor, owners, departments, projects):
    benefits = {}
    for n, (ref, key, kind, cls, dept, measure, unit, planned, _s1, _s2) in enumerate(REGISTER):
        benefit = services.benefit_create(
            actor=actor,
            reference=ref,
            project=projects[key],
            description=measure,
            kind=kind,
            benefit_class=cls,
            owner=owners[n % len(owners)],
            department=departments[dept],
            measure=measure,
            unit=unit,
            target_date=date(2027, 3, 31),
        )
        for year in YEARS:
            services.profile_line_save(
                actor=actor, benefit=benefit, financial_year=year, planned=Decimal(planned)
            )
        benefits[ref] = benefit
    return benefits


def _actuals_for_2021(actor, benefits):
    """By September 2021 the FY21/22 forecasts are in and some actuals are measured."""
    for n, benefit in enumerate(benefits.values()):
        line = benefit.profile.get(financial_year="FY21/22")
        actual = (line.planned * Decimal(80 + 5 * (n % 5)) / 100).quantize(Decimal("1"))
        services.profile_line_save(
            actor=actor,
            benefit=benefit,
            line=line,
            financial_year=line.financial_year,
            planned=line.planned,
            forecast=actual,
            actual=actual if benefit.status in (S.TRACKING, S.REALISED) else None,
        )
        if benefit.status in (S.TRACKING, S.REALISED):
            services.measurement_record(
                actor=actor,
                benefit=benefit,
                measured_on=date(2021, 9, 30),
                value=actual,
                evidence="Half-year benefits return to the programme board",
            )


def _rebaseline(actor, approver, benefit, reason, planned):
    for line in benefit.profile.filter(financial_year__gte="FY22/23"):
        services.profile_line_save(
            actor=actor,
            benefit=benefit,
            line=line,
            financial_year=line.financial_year,
            planned=Decimal(planned),
            forecast=line.forecast,
            actual=line.actual,
        )
    services.benefit_rebaseline(
        actor=actor,
        benefit=benefit,
        reason=reason,
        value=benefit.baseline_value,
        baseline_date=benefit.baseline_date,
        source=benefit.baseline_source,
        target_value=Decimal(planned) * 5,
        approved_by=approver,
        approved_on=date(2021, 9, 1),
    )


def _estates_line(actor, projects, extra: Decimal):
    project = projects["Estates", "Estates"]
    line = project.financial_lines.get(financial_year="FY22/23")
    amounts = {name: getattr(line, name) for name in line.AMOUNTS}
    amounts["capital"] += extra
    services.financial_line_save(actor=actor, project=project, financial_year="FY22/23", **amounts)


def _review_2020(actor, approver, projects, benefits):
    """The position a year before the paper: Estates money before its re-baseline."""
    _estates_line(actor, projects, ESTATES_BEFORE_REBASELINE)
    for ref, *_rest, first, _second in REGISTER:
        _advance(benefits[ref], first, actor=actor, approver=approver, as_at=date(2020, 9, 30))
    services.benefits_review_take(
        actor=actor, title="Annual benefits review 2020", as_at=date(2020, 9, 30)
    )


def _review_2021(actor, approver, projects, benefits):
    """The paper's position: Tables 1 and 2 exactly, two benefits re-baselined, actuals in."""
    _estates_line(actor, projects, -ESTATES_BEFORE_REBASELINE)
    _rebaseline(
        actor,
        approver,
        benefits["BEN-ES-001"],
        "Covid moved the disposals; revised estates strategy approved in the autumn.",
        900_000,
    )
    _rebaseline(
        actor,
        approver,
        benefits["BEN-II-001"],
        "Roll-out to all investigators moved to 2022.",
        150_000,
    )
    for ref, *_rest, second in REGISTER:
        _advance(benefits[ref], second, actor=actor, approver=approver, as_at=date(2021, 9, 30))
    _actuals_for_2021(actor, benefits)
    services.benefits_review_take(
        actor=actor,
        title="Annual benefits review 2021",
        as_at=date(2021, 9, 30),
        note="The position the board paper reports (Tables 1 and 2).",
    )


@transaction.atomic
def seed(stdout=None):
    if Project.objects.filter(programme__name="Our Data", name="Connect").exists():
        return
    actor, approver, owners = _people()
    departments = {d.name: d for d in Department.objects.all()}
    projects = paper.build_tables(
        actor=actor, owner=actor, department=departments["Change and Transformation"]
    )
    benefits = _create_register(actor, owners, departments, projects)
    _review_2020(actor, approver, projects, benefits)
    _review_2021(actor, approver, projects, benefits)
    if stdout:
        stdout.write(
            f"Programmes: {len(paper.TABLE_1)} programmes, {len(projects)} projects, "
            f"{len(benefits)} benefits, 2 annual reviews."
        )
