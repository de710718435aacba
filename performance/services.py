"""Writes for performance conversations, moderation, appeals and promotions.

Every service checks who may act (PermissionDenied) and what the year's phase allows
(ValidationError), validates, saves atomically and records an audit action.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from core.audit import audit_action
from core.concurrency import save_versioned
from core.outbox import outbox_enqueue
from people.models import Department, User
from people.permissions import has_role, is_line_manager_of
from people.roles import Role
from performance.models import (
    Appeal,
    AppealStatus,
    CheckIn,
    ModerationDecision,
    ModerationPanel,
    Objective,
    ObjectiveLevel,
    Outcome,
    PerformanceYear,
    Phase,
    PromotionApplication,
    PromotionProcess,
    Rating,
    RatingLevel,
    RatingStatus,
    YearEndReview,
)

OBJECTIVE_PHASES = {Phase.NOT_STARTED, Phase.OBJECTIVE_SETTING, Phase.IN_YEAR}
INDIVIDUAL_OBJECTIVE_PHASES = {Phase.OBJECTIVE_SETTING, Phase.IN_YEAR}
CHECK_IN_PHASES = {Phase.OBJECTIVE_SETTING, Phase.IN_YEAR, Phase.YEAR_END}


def _today() -> date:
    return timezone.localdate()


def require_phase(year: PerformanceYear, allowed: set, *, doing: str) -> None:
    """Raise ValidationError unless today's phase of `year` is one of `allowed`."""
    phase = Phase(year.phase_on(_today()))
    if phase not in allowed:
        if phase == Phase.CLOSED:
            raise ValidationError(f"{year.label} is closed: nothing in it can be changed.")
        names = ", ".join(Phase(p).label.lower() for p in sorted(allowed))
        raise ValidationError(
            f"{doing} is possible only in the {names} phase; {year.label} is in the "
            f"{phase.label.lower()} phase.",
            code="phase",
        )


def _require_manager(actor, person) -> None:
    if not is_line_manager_of(actor, person):
        raise PermissionDenied("Only the colleague's line manager may do this.")


def _not_in_future(day: date, field: str) -> None:
    if day > _today():
        raise ValidationError({field: "This date is in the future."})


def _check_owner(*, actor, level, person) -> None:
    if level == ObjectiveLevel.INDIVIDUAL:
        if person is None:
            raise ValidationError("An individual objective needs the colleague it is for.")
        if not has_role(actor, Role.ADMIN):
            _require_manager(actor, person)
    elif not has_role(actor, Role.ADMIN):
        raise PermissionDenied("Force and departmental objectives are set by an admin.")


@transaction.atomic
def objective_set(
    *,
    actor,
    year: PerformanceYear,
    level: str,
    position: int,
    title: str,
    description: str = "",
    department: Department | None = None,
    person: User | None = None,
) -> Objective:
    """Set (or replace) objective slot 1 or 2 at a level for the force, a department or a
    colleague. Raises PermissionDenied for the wrong setter, ValidationError out of phase."""
    _check_owner(actor=actor, level=level, person=person)
    individual = level == ObjectiveLevel.INDIVIDUAL
    allowed = INDIVIDUAL_OBJECTIVE_PHASES if individual else OBJECTIVE_PHASES
    require_phase(year, allowed, doing="Setting objectives")
    owner = {"department": department, "person": person}
    objective = Objective.objects.filter(
        year=year, level=level, position=position, **owner
    ).first() or Objective(year=year, level=level, position=position, **owner)
    objective.title = title.strip()
    objective.description = description.strip()
    objective.set_by = actor
    objective.agreed_on = _today() if level == ObjectiveLevel.INDIVIDUAL else None
    objective.full_clean()
    objective.save()
    audit_action(actor=actor, action="performance.objective.set", obj=objective)
    return objective


@transaction.atomic
def check_in_record(
    *, actor, year: PerformanceYear, person: User, held_on: date, notes: str
) -> CheckIn:
    """Record a check-in conversation. Manager only; objective setting to year end."""
    _require_manager(actor, person)
    require_phase(year, CHECK_IN_PHASES, doing="Recording a check-in")
    _not_in_future(held_on, "held_on")
    if held_on not in year.financial_year:
        raise ValidationError({"held_on": f"The check-in must be within {year.label}."})
    check_in = CheckIn(year=year, person=person, held_on=held_on, notes=notes.strip())
    check_in.recorded_by = actor
    check_in.full_clean()
    check_in.save()
    audit_action(actor=actor, action="performance.check_in.recorded", obj=check_in)
    return check_in


@transaction.atomic
def year_end_review_complete(
    *, actor, year: PerformanceYear, person: User, summary: str, completed_on: date
) -> YearEndReview:
    """Record the year-end review as completed on a date. Manager only; year-end phase."""
    _require_manager(actor, person)
    require_phase(year, {Phase.YEAR_END}, doing="Completing the year-end review")
    _not_in_future(completed_on, "completed_on")
    if completed_on < year.financial_year.start:
        raise ValidationError({"completed_on": f"The review must be within {year.label}."})
    review = YearEndReview.objects.filter(year=year, person=person).first() or YearEndReview(
        year=year, person=person
    )
    review.manager, review.summary, review.completed_on = actor, summary.strip(), completed_on
    review.full_clean()
    review.save()
    audit_action(actor=actor, action="performance.review.completed", obj=review)
    return review


def _check_levels(year: PerformanceYear, what: RatingLevel, how: RatingLevel) -> None:
    errors = {}
    if what.scale_id != year.what_scale_id:
        errors["what"] = f"Choose a level from the {year.label} 'what' scale."
    if how.scale_id != year.how_scale_id:
        errors["how"] = f"Choose a level from the {year.label} 'how' scale."
    if errors:
        raise ValidationError(errors)


RATING_FIELDS = [
    "department",
    "manager",
    "provisional_what",
    "provisional_how",
    "how_framework",
    "provisional_on",
]


@transaction.atomic
def rating_give(
    *,
    actor,
    year: PerformanceYear,
    person: User,
    what: RatingLevel,
    how: RatingLevel,
    version: int | None = None,
) -> Rating:
    """The line manager's provisional 'what' and 'how' ratings.

    Raises PermissionDenied unless the actor is the colleague's line manager; ValidationError
    outside the year-end phase, once a panel has decided, or for a level from another scale;
    StaleEdit if the rating was saved since `version` (0: the form saw no rating)."""
    _require_manager(actor, person)
    require_phase(year, {Phase.YEAR_END}, doing="Giving a provisional rating")
    _check_levels(year, what, how)
    if person.department_id is None:
        raise ValidationError("The colleague has no department, so no panel can moderate this.")
    rating = Rating.objects.select_for_update().filter(year=year, person=person).first()
    if rating is not None and rating.status != RatingStatus.PROVISIONAL:
        raise ValidationError("The panel has already decided this rating.")
    existing = rating is not None
    expected = rating.version if existing and version is None else version
    rating = rating or Rating(year=year, person=person)
    rating.department_id = person.department_id
    rating.manager = actor
    rating.provisional_what, rating.provisional_how = what, how
    rating.how_framework = year.how_framework
    rating.provisional_on = _today()
    rating.full_clean()
    if existing:
        save_versioned(rating, expected_version=expected, fields=RATING_FIELDS)
    else:
        rating.save()
    audit_action(actor=actor, action="performance.rating.provisional", obj=rating)
    return rating


@transaction.atomic
def moderation_panel_create(
    *, actor, year: PerformanceYear, department: Department, meets_on: date, members: list[User]
) -> ModerationPanel:
    """Set up a department's panel for a year. Admin only."""
    if not has_role(actor, Role.ADMIN):
        raise PermissionDenied
    panel = ModerationPanel(year=year, department=department, meets_on=meets_on)
    panel.full_clean()
    panel.save()
    panel.members.set(members)
    audit_action(actor=actor, action="performance.panel.created", obj=panel)
    return panel


def panel_of(rating: Rating) -> ModerationPanel | None:
    return ModerationPanel.objects.filter(
        year_id=rating.year_id, department_id=rating.department_id
    ).first()


def _require_panel_member(
    actor, panel: ModerationPanel | None, rating: Rating | None = None
) -> ModerationPanel:
    if panel is None or not has_role(actor, Role.MODERATOR):
        raise PermissionDenied("Only a member of this department's panel may do this.")
    if not panel.members.filter(pk=actor.pk).exists():
        raise PermissionDenied("Only a member of this department's panel may do this.")
    if rating is not None and rating.person_id == actor.pk:
        raise PermissionDenied("Nobody moderates their own rating.")
    return panel


@transaction.atomic
def moderation_decide(
    *, actor, rating: Rating, what: RatingLevel, how: RatingLevel, reason: str = ""
) -> ModerationDecision:
    """Confirm a provisional rating or change it; a change needs a reason.

    Raises PermissionDenied unless the actor sits on the panel for the rating's department;
    ValidationError outside the moderation phase, after the panel closes or without a reason."""
    panel = _require_panel_member(actor, panel_of(rating), rating)
    require_phase(rating.year, {Phase.MODERATION}, doing="Moderating a rating")
    if panel.is_closed:
        raise ValidationError("This panel has closed; its ratings are final.")
    _check_levels(rating.year, what, how)
    changed = (what.pk, how.pk) != (rating.provisional_what_id, rating.provisional_how_id)
    if changed and not reason.strip():
        raise ValidationError({"reason": "Give the reason for changing this rating."})
    decision = getattr(rating, "decision", None) or ModerationDecision(rating=rating, panel=panel)
    decision.what, decision.how, decision.changed = what, how, changed
    decision.reason = reason.strip()
    decision.decided_by, decision.decided_on = actor, _today()
    decision.full_clean()
    decision.save()
    Rating.objects.filter(pk=rating.pk).update(status=RatingStatus.MODERATED)
    rating.status = RatingStatus.MODERATED
    action = "performance.rating.changed" if changed else "performance.rating.confirmed"
    audit_action(actor=actor, action=action, obj=rating, data={"reason": decision.reason})
    return decision


@transaction.atomic
def moderation_panel_close(*, actor, panel: ModerationPanel) -> int:
    """Close a panel: every rating it moderated becomes final, locked and visible to the
    colleague. Returns how many. Raises ValidationError while any rating awaits a decision."""
    _require_panel_member(actor, panel)
    require_phase(panel.year, {Phase.MODERATION}, doing="Closing a panel")
    if panel.is_closed:
        raise ValidationError("This panel is already closed.")
    ratings = Rating.objects.filter(year_id=panel.year_id, department_id=panel.department_id)
    waiting = ratings.filter(decision__isnull=True).count()
    if waiting:
        raise ValidationError(f"{waiting} rating(s) still need the panel's decision.")
    decision = ModerationDecision.objects.filter(rating=OuterRef("pk"))
    today = _today()
    count = ratings.update(
        final_what=Subquery(decision.values("what")[:1]),
        final_how=Subquery(decision.values("how")[:1]),
        status=RatingStatus.FINAL,
        finalised_on=today,
    )
    panel.closed_on, panel.closed_by = today, actor
    panel.save(update_fields=["closed_on", "closed_by", "updated_at"])
    audit_action(actor=actor, action="performance.panel.closed", obj=panel, data={"final": count})
    # The year's completion and fairness report (reports app), sent when this commits.
    outbox_enqueue(task="reports.performance_panel_closed", args=[panel.year.start_year])
    return count


@transaction.atomic
def appeal_lodge(*, actor, rating: Rating, grounds: str) -> Appeal:
    """The colleague appeals their final rating. Moderation phase only; one appeal."""
    if rating.person_id != actor.pk:
        raise PermissionDenied
    if not rating.is_final:
        raise ValidationError("You can appeal once your rating is final.")
    require_phase(rating.year, {Phase.MODERATION}, doing="Lodging an appeal")
    if Appeal.objects.filter(rating=rating).exists():
        raise ValidationError("You have already appealed this rating.")
    if not grounds.strip():
        raise ValidationError({"grounds": "Say why you are appealing."})
    appeal = Appeal(rating=rating, grounds=grounds.strip(), lodged_on=_today())
    appeal.full_clean()
    appeal.save()
    audit_action(actor=actor, action="performance.appeal.lodged", obj=appeal)
    return appeal


def _apply_appeal(appeal: Appeal, what: RatingLevel | None, how: RatingLevel | None) -> None:
    if what is None or how is None:
        raise ValidationError({"what": "Give the revised ratings when upholding an appeal."})
    rating = appeal.rating
    _check_levels(rating.year, what, how)
    rating.final_what, rating.final_how = what, how
    rating.save(update_fields=["final_what", "final_how", "updated_at"])


@transaction.atomic
def appeal_decide(
    *,
    actor,
    appeal: Appeal,
    upheld: bool,
    reason: str,
    what: RatingLevel | None = None,
    how: RatingLevel | None = None,
) -> Appeal:
    """Decide an appeal with a reason; an upheld appeal revises the final rating.

    Raises PermissionDenied unless the actor sits on the department's panel; ValidationError
    once decided, without a reason or outside the moderation phase."""
    rating = appeal.rating
    _require_panel_member(actor, panel_of(rating), rating)
    require_phase(rating.year, {Phase.MODERATION}, doing="Deciding an appeal")
    if appeal.status != AppealStatus.LODGED:
        raise ValidationError("This appeal has already been decided.")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for the decision."})
    if upheld:
        _apply_appeal(appeal, what, how)
    appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.NOT_UPHELD
    appeal.decided_by, appeal.decided_on, appeal.decision_reason = actor, _today(), reason.strip()
    appeal.full_clean()
    appeal.save()
    audit_action(actor=actor, action=f"performance.appeal.{appeal.status}", obj=appeal)
    return appeal


def _require_admin(actor) -> None:
    if not has_role(actor, Role.ADMIN):
        raise PermissionDenied


@transaction.atomic
def promotion_process_create(
    *, actor, from_rank: str, to_rank: str, season: str, year: int, opens_on: date
) -> PromotionProcess:
    """A promotion process such as "PC to Sgt Winter 2020". Admin only."""
    _require_admin(actor)
    process = PromotionProcess(
        from_rank=from_rank, to_rank=to_rank, season=season, year=year, opens_on=opens_on
    )
    process.full_clean()
    process.save()
    audit_action(actor=actor, action="performance.promotion.created", obj=process)
    return process


@transaction.atomic
def promotion_application_record(
    *, actor, process: PromotionProcess, applicant: User, outcome: str = Outcome.PENDING
) -> PromotionApplication:
    """Record an applicant to a process and their outcome (again to update it). Admin only."""
    _require_admin(actor)
    application = PromotionApplication.objects.filter(
        process=process, applicant=applicant
    ).first() or PromotionApplication(process=process, applicant=applicant)
    application.outcome = outcome
    application.full_clean()
    application.save()
    audit_action(actor=actor, action="performance.promotion.outcome", obj=application)
    return application
