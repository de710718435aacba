"""Writes to the programme, cost and benefit registers. Each is atomic, validated and audited."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import audit_action
from core.concurrency import save_versioned
from people.models import Department, User
from programmes import selectors
from programmes.models import (
    BAU_STATUSES,
    BaselineVersion,
    Benefit,
    BenefitsReview,
    BenefitStatus,
    FinancialLine,
    FteEfficiency,
    Measurement,
    ProfileLine,
    Programme,
    ProgrammeStatus,
    Project,
)

S = BenefitStatus
# Where a benefit may go from each status. Baselining has its own service (it needs an approver).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.IDENTIFIED: (S.VALIDATED, S.WITHDRAWN),
    S.VALIDATED: (S.WITHDRAWN,),
    S.BASELINED: (S.TRACKING, S.WITHDRAWN),
    S.TRACKING: (S.REALISED, S.PARTLY_REALISED, S.NOT_REALISED, S.WITHDRAWN),
    S.REALISED: (),
    S.PARTLY_REALISED: (),
    S.NOT_REALISED: (),
    S.WITHDRAWN: (),
}
DESCRIPTIVE_FIELDS = (
    "project",
    "description",
    "kind",
    "benefit_class",
    "owner",
    "department",
    "measure",
    "unit",
    "target_date",
)


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def programme_create(
    *, actor, name: str, status: str = ProgrammeStatus.LIVE, description: str = "", position=0
) -> Programme:
    """Add a programme. Raises ValidationError for a duplicate or blank name."""
    programme = _save(
        Programme(name=name.strip(), status=status, description=description, position=position)
    )
    audit_action(actor=actor, action="programmes.programme.created", obj=programme)
    return programme


@transaction.atomic
def programme_set_status(*, actor, programme: Programme, status: str) -> Programme:
    """Mark a programme live or closed."""
    programme.status = status
    _save(programme)
    audit_action(
        actor=actor, action="programmes.programme.status", obj=programme, data={"status": status}
    )
    return programme


@transaction.atomic
def project_create(
    *,
    actor,
    programme: Programme,
    name: str,
    short_description: str,
    owner: User | None,
    department: Department | None,
    position: int = 0,
) -> Project:
    """Add a project to a programme. Raises ValidationError (no owner, duplicate name...)."""
    project = _save(
        Project(
            programme=programme,
            name=name.strip(),
            short_description=short_description.strip(),
            owner=owner,
            department=department,
            position=position,
        )
    )
    audit_action(actor=actor, action="programmes.project.created", obj=project)
    return project


PROJECT_FIELDS = ("programme", "name", "short_description", "owner", "department", "position")


@transaction.atomic
def project_update(*, actor, project: Project, **fields) -> Project:
    """Change a project's programme, name, description, owner, department or position."""
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"project_update() got unexpected fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(project, name, value.strip() if isinstance(value, str) else value)
    _save(project)
    audit_action(
        actor=actor,
        action="programmes.project.updated",
        obj=project,
        data={"fields": sorted(fields)},
    )
    return project


@transaction.atomic
def financial_line_save(
    *, actor, project: Project, financial_year: str, **amounts: Decimal
) -> FinancialLine:
    """Set a project's money for one financial year (creates or replaces that year's line).

    Amounts are positive pounds; benefits too. Raises ValidationError for a bad FY label or amount.
    """
    financial_year = (financial_year or "").strip()
    line = FinancialLine.objects.filter(project=project, financial_year=financial_year).first()
    line = line or FinancialLine(project=project, financial_year=financial_year)
    for name in FinancialLine.AMOUNTS:
        if name in amounts:
            setattr(line, name, amounts[name])
    _save(line)
    audit_action(
        actor=actor,
        action="programmes.financial_line.saved",
        obj=line,
        data={name: str(getattr(line, name)) for name in FinancialLine.AMOUNTS},
    )
    return line


@transaction.atomic
def fte_efficiency_save(
    *, actor, project: Project, portfolio: str, status: str, fte: Decimal
) -> FteEfficiency:
    """Set the FTE a project frees in one portfolio at one status (creates or replaces)."""
    row = FteEfficiency.objects.filter(project=project, portfolio=portfolio, status=status).first()
    row = row or FteEfficiency(project=project, portfolio=portfolio, status=status)
    row.fte = fte
    _save(row)
    audit_action(actor=actor, action="programmes.fte.saved", obj=row, data={"fte": str(row.fte)})
    return row


@transaction.atomic
def benefit_create(*, actor, reference: str, **fields) -> Benefit:
    """Add a benefit to the register, status identified.

    `fields` are the descriptive fields (project, description, kind, benefit_class, owner,
    department, measure, unit, target_date). Raises ValidationError; a benefit without an
    owner is refused.
    """
    unknown = set(fields) - set(DESCRIPTIVE_FIELDS)
    if unknown:
        raise TypeError(f"benefit_create() got unexpected fields {sorted(unknown)}")
    benefit = _save(Benefit(reference=reference.strip(), status=S.IDENTIFIED, **fields))
    audit_action(actor=actor, action="programmes.benefit.created", obj=benefit)
    return benefit


@transaction.atomic
def benefit_update(*, actor, benefit: Benefit, version: int | None = None, **fields) -> Benefit:
    """Change a benefit's descriptive fields; status and baseline have their own services.

    Raises StaleEdit if someone saved the benefit since `version` (the one the form had)."""
    unknown = set(fields) - set(DESCRIPTIVE_FIELDS)
    if unknown:
        raise TypeError(f"benefit_update() got unexpected fields {sorted(unknown)}")
    benefit = Benefit.objects.select_for_update().get(pk=benefit.pk)
    expected = benefit.version if version is None else version
    for name, value in fields.items():
        setattr(benefit, name, value)
    benefit.full_clean()
    save_versioned(benefit, expected_version=expected, fields=sorted(fields))
    audit_action(
        actor=actor,
        action="programmes.benefit.updated",
        obj=benefit,
        data={"fields": sorted(fields)},
    )
    return benefit


def allowed_transitions(benefit: Benefit) -> tuple[str, ...]:
    """The statuses a benefit may move to next (baselining excluded: it needs an approver)."""
    return TRANSITIONS[benefit.status]


@transaction.atomic
def benefit_transition(
    *, actor, benefit: Benefit, to: str, bau_date: date | None = None
) -> Benefit:
    """Move a benefit on: identified -> validated -> (baselined) -> tracking -> realised,
    partly realised or not realised; withdrawn from any open status.

    `bau_date` (moved to business as usual) only with realised or partly realised.
    Raises ValidationError for a transition the register does not allow.
    """
    if to not in TRANSITIONS[benefit.status]:
        raise ValidationError(
            {
                "status": f"A {benefit.get_status_display().lower()} benefit cannot be marked "
                f"{S(to).label.lower() if to in S.values else to}."
            }
        )
    if bau_date and to not in BAU_STATUSES:
        raise ValidationError(
            {"bau_date": "Only a realised or partly realised benefit moves to business as usual."}
        )
    previous = benefit.status
    benefit.status = to
    benefit.bau_date = bau_date
    _save(benefit)
    audit_action(
        actor=actor,
        action="programmes.benefit.status",
        obj=benefit,
        data={"from": previous, "to": to},
    )
    return benefit


def _planned_profile(benefit: Benefit) -> dict[str, str]:
    return {line.financial_year: str(line.planned) for line in benefit.profile.all()}


def _add_baseline_version(
    *, actor, benefit: Benefit, number: int, reason: str, **baseline
) -> BaselineVersion:
    version = BaselineVersion(
        benefit=benefit,
        version=number,
        value=baseline["value"],
        baseline_date=baseline["baseline_date"],
        source=baseline["source"],
        target_value=baseline.get("target_value"),
        approved_by=baseline["approved_by"],
        approved_on=baseline["approved_on"],
        reason=reason,
        recorded_by=actor,
        planned_profile=_planned_profile(benefit),
    )
    _save(version)
    benefit.baseline_value = version.value
    benefit.baseline_date = version.baseline_date
    benefit.baseline_source = version.source
    benefit.target_value = version.target_value
    return version


@transaction.atomic
def benefit_baseline(
    *, actor, benefit: Benefit, reason: str = "Initial baseline", **baseline
) -> BaselineVersion:
    """Approve a validated benefit's first baseline (value, baseline_date, source, target_value,
    approved_by, approved_on) and mark it baselined. Raises ValidationError otherwise."""
    if benefit.status != S.VALIDATED:
        raise ValidationError({"status": "Only a validated benefit can be baselined."})
    version = _add_baseline_version(
        actor=actor, benefit=benefit, number=1, reason=reason, **baseline
    )
    benefit.status = S.BASELINED
    _save(benefit)
    audit_action(actor=actor, action="programmes.benefit.baselined", obj=benefit)
    return version


@transaction.atomic
def benefit_rebaseline(*, actor, benefit: Benefit, reason: str, **baseline) -> BaselineVersion:
    """Approve a new baseline version; every earlier version is kept unchanged.

    Needs a reason and an approver. Raises ValidationError if the benefit has no baseline yet
    or is closed.
    """
    # Lock the benefit so two re-baselines cannot take the same version number.
    Benefit.objects.select_for_update().filter(pk=benefit.pk).values_list("pk").get()
    if benefit.status not in (S.BASELINED, S.TRACKING):
        raise ValidationError(
            {"status": "Only a baselined or tracking benefit can be re-baselined."}
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the benefit is being re-baselined."})
    latest = benefit.baselines.order_by("-version").values_list("version", flat=True).first()
    version = _add_baseline_version(
        actor=actor, benefit=benefit, number=(latest or 0) + 1, reason=reason.strip(), **baseline
    )
    _save(benefit)
    audit_action(
        actor=actor,
        action="programmes.benefit.rebaselined",
        obj=benefit,
        data={"version": version.version, "reason": version.reason},
    )
    return version


@transaction.atomic
def profile_line_save(
    *,
    actor,
    benefit: Benefit,
    financial_year: str,
    planned: Decimal,
    forecast: Decimal | None = None,
    actual: Decimal | None = None,
    line: ProfileLine | None = None,
) -> ProfileLine:
    """Set a benefit's planned, forecast and actual value for one financial year.

    With `line`, that line is changed (its year may change); otherwise the year's line is
    created or replaced. Raises ValidationError (bad FY label, a year already profiled...).
    """
    financial_year = (financial_year or "").strip()
    if line is None:
        line = ProfileLine.objects.filter(benefit=benefit, financial_year=financial_year).first()
        line = line or ProfileLine(benefit=benefit)
    line.financial_year = financial_year
    line.planned, line.forecast, line.actual = planned, forecast, actual
    _save(line)
    audit_action(
        actor=actor,
        action="programmes.profile.saved",
        obj=benefit,
        data={
            "financial_year": financial_year,
            "planned": str(planned),
            "forecast": None if forecast is None else str(forecast),
            "actual": None if actual is None else str(actual),
        },
    )
    return line


@transaction.atomic
def profile_line_delete(*, actor, line: ProfileLine) -> None:
    """Remove a year from a benefit's profile (a past baseline keeps its own copy)."""
    benefit = line.benefit
    data = {"financial_year": line.financial_year, "planned": str(line.planned)}
    line.delete()
    audit_action(actor=actor, action="programmes.profile.deleted", obj=benefit, data=data)


@transaction.atomic
def measurement_record(
    *, actor, benefit: Benefit, measured_on: date, value: Decimal, evidence: str, evidence_link=""
) -> Measurement:
    """Record a measured value with its evidence. Raises ValidationError (no evidence...)."""
    measurement = _save(
        Measurement(
            benefit=benefit,
            measured_on=measured_on,
            value=value,
            evidence=(evidence or "").strip(),
            evidence_link=evidence_link,
            recorded_by=actor,
        )
    )
    audit_action(actor=actor, action="programmes.measurement.recorded", obj=benefit)
    return measurement


@transaction.atomic
def benefits_review_take(*, actor, title: str, as_at: date, note: str = "") -> BenefitsReview:
    """Take the annual benefits review: a snapshot of the whole register and financial
    position as it stands now, stated as at `as_at`. The snapshot can never be changed."""
    review = BenefitsReview(
        title=(title or "").strip(),
        as_at=as_at,
        taken_by=actor,
        note=note,
        data=selectors.snapshot_data(user=actor),
    )
    review.full_clean(exclude=["data"])
    review.save()
    audit_action(actor=actor, action="programmes.review.taken", obj=review)
    return review
