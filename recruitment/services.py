"""Writes for recruitment: capturing and working EOIs, merging duplicates, the pipeline to
intake, positive action support and s159 tie-break decisions.

Every service is atomic, validates with full_clean() and records an audit action.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from adjustments.services import joiner_need_record
from core.audit import audit_action
from core.concurrency import save_versioned
from people.models import CONSTABLE_ROUTES, User
from people.services import student_officer_create
from recruitment.models import (
    Ambassador,
    Campaign,
    Candidate,
    Channel,
    ContactLog,
    EOIEquality,
    EOISource,
    ExpressionOfInterest,
    Intake,
    PipelineStage,
    PositiveActionSupport,
    StageResult,
    TieBreakCandidate,
    TieBreakDecision,
    Zone,
)
from recruitment.validation import normalise_email, normalise_phone, normalise_postcode

EOI = ExpressionOfInterest
EQUALITY_FIELDS = ("sex", "ethnicity", "disability", "sexual_orientation", "religion")


@transaction.atomic
def ambassador_enrol(
    *, actor, person: User, inducted_on: date, trainer: str, active: bool = True
) -> Ambassador:
    """Enrol a colleague as a recruitment ambassador after their induction (or update it)."""
    ambassador, _ = Ambassador.objects.get_or_create(
        person=person, defaults={"inducted_on": inducted_on, "trainer": trainer}
    )
    ambassador.inducted_on, ambassador.trainer, ambassador.active = inducted_on, trainer, active
    ambassador.full_clean()
    ambassador.save()
    audit_action(actor=actor, action="recruitment.ambassador.enrolled", obj=ambassador)
    return ambassador


def _contact_fields(email: str, phone: str, postcode: str) -> dict:
    errors, values = {}, {}
    for name, value, normalise in (
        ("email", email, normalise_email),
        ("phone", phone, normalise_phone),
        ("postcode", postcode, normalise_postcode),
    ):
        try:
            values[name] = normalise(value)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


def _source_create(
    *, eoi: EOI, actor, channel, campaign, zone, ambassador, captured_on
) -> EOISource:
    if zone is not None and campaign is None:
        campaign = zone.campaign
    source = EOISource(
        eoi=eoi,
        channel=channel,
        campaign=campaign,
        zone=zone,
        ambassador=ambassador,
        captured_by=actor,
        captured_on=captured_on or timezone.localdate(),
    )
    source.full_clean()
    source.save()
    return source


def _equality_save(eoi: EOI, answers: dict | None) -> EOIEquality | None:
    answers = {k: v for k, v in (answers or {}).items() if k in EQUALITY_FIELDS and v}
    if not answers:
        return None
    record = EOIEquality(eoi=eoi, **answers)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def eoi_create(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    postcode: str,
    route: str,
    consent_to_contact: bool,
    email: str = "",
    phone: str = "",
    channel: str = Channel.OTHER,
    campaign: Campaign | None = None,
    zone: Zone | None = None,
    ambassador: Ambassador | None = None,
    captured_on: date | None = None,
    equality: dict | None = None,
    adjustment_need: str = "",
    **details,
) -> EOI:
    """Record an expression of interest with its first source, optional equality answers
    (stored apart) and, if the person asks for an adjustment, the hand-off to RA officers.

    `details`: other_routes and the eligibility answers. Raises ValidationError for bad input.
    """
    eoi = EOI(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        route=route,
        consent_to_contact=bool(consent_to_contact),
        captured_by=actor,
        received_on=captured_on or timezone.localdate(),
        **_contact_fields(email, phone, postcode),
        **details,
    )
    eoi.full_clean()
    eoi.save()
    _source_create(
        eoi=eoi,
        actor=actor,
        channel=channel,
        campaign=campaign,
        zone=zone,
        ambassador=ambassador,
        captured_on=captured_on,
    )
    _equality_save(eoi, equality)
    audit_action(actor=actor, action="recruitment.eoi.created", obj=eoi)
    if adjustment_need.strip():
        # Health details go to the RA officers' queue only; the EOI keeps no copy.
        eoi_adjustment_declare(actor=actor, eoi=eoi, details=adjustment_need)
    return eoi


@transaction.atomic
def eoi_adjustment_declare(*, actor, eoi: EOI, details: str):
    """Pass a declared need for adjustments to the RA officers' queue (one per EOI) and email
    them. Returns the adjustments app's JoinerNeed."""
    start = None
    candidate = Candidate.objects.filter(eoi=eoi).select_related("intake").first()
    if candidate and candidate.intake:
        start = candidate.intake.start_date
    need = joiner_need_record(
        actor=actor,
        name=eoi.full_name,
        details=details,
        source=f"EOI {eoi.pk}",
        email=eoi.email,
        person=candidate.colleague if candidate else None,
        expected_start=start,
    )
    audit_action(actor=actor, action="recruitment.eoi.adjustment_declared", obj=eoi)
    return need


DETAIL_FIELDS = ("first_name", "last_name", "phone", "postcode", "route")


@transaction.atomic
def eoi_details_correct(*, actor, eoi: EOI, **details) -> EOI:
    """Correct an EOI's name, phone, postcode or route (`DETAIL_FIELDS`), as an event's
    sign-up sheet does when the person is already on the campaign's list. Its status and work
    are not touched. Raises ValidationError for bad values."""
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"eoi_details_correct corrects {DETAIL_FIELDS}, not {sorted(unknown)}.")
    eoi = EOI.objects.select_for_update().get(pk=eoi.pk)
    for name, value in details.items():
        setattr(eoi, name, value)
    eoi.full_clean()
    eoi.save(update_fields=[*details, "updated_at"])
    audit_action(
        actor=actor, action="recruitment.eoi.corrected", obj=eoi, data={"fields": sorted(details)}
    )
    return eoi


def _merge_blanks(keep: EOI, duplicate: EOI) -> None:
    for field in ("email", "phone", "next_action"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    if keep.assigned_to_id is None:
        keep.assigned_to_id = duplicate.assigned_to_id
    if keep.next_action_on is None:
        keep.next_action_on = duplicate.next_action_on
    keep.received_on = min(keep.received_on, duplicate.received_on)
    keep.other_routes = sorted(
        {*keep.other_routes, *duplicate.other_routes, duplicate.route} - {keep.route}
    )


def _merge_check(keep: EOI, duplicate: EOI) -> None:
    if keep.pk == duplicate.pk:
        raise ValidationError("An EOI cannot be merged into itself.")
    if keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError("One of these EOIs has already been merged.")
    if Candidate.objects.filter(eoi=duplicate).exists():
        raise ValidationError(
            "The duplicate has an application. Merge the other way round so it is kept."
        )


@transaction.atomic
def eoi_merge(*, actor, keep: EOI, duplicate: EOI) -> EOI:
    """Merge `duplicate` into `keep`: every source, contact and support record moves to `keep`,
    blanks on `keep` are filled, and `duplicate` is closed as merged (kept for the record).

    Raises ValidationError when the pair cannot be merged."""
    keep = EOI.objects.select_for_update().get(pk=keep.pk)
    duplicate = EOI.objects.select_for_update().get(pk=duplicate.pk)
    _merge_check(keep, duplicate)
    moved = duplicate.sources.update(eoi=keep)
    duplicate.contacts.update(eoi=keep)
    duplicate.support.update(eoi=keep)
    if not hasattr(keep, "equality"):
        EOIEquality.objects.filter(eoi=duplicate).update(eoi=keep)
    _merge_blanks(keep, duplicate)
    keep.full_clean()
    keep.save()
    duplicate.status, duplicate.closed_reason = EOI.Status.CLOSED, EOI.ClosedReason.DUPLICATE
    duplicate.merged_into, duplicate.next_action_on = keep, None
    duplicate.full_clean()
    duplicate.save()
    audit_action(
        actor=actor,
        action="recruitment.eoi.merged",
        obj=keep,
        data={"duplicate": duplicate.pk, "sources_moved": moved},
    )
    return keep


WORK_FIELDS = ["assigned_to", "status", "closed_reason", "next_action", "next_action_on"]


@transaction.atomic
def eoi_work_update(
    *,
    actor,
    eoi: EOI,
    assigned_to: User | None,
    status: str,
    closed_reason: str = "",
    next_action: str = "",
    next_action_on: date | None = None,
    version: int | None = None,
) -> EOI:
    """Assign an EOI, move its status (a closed EOI needs a reason) and set the next action.

    `version` is the one the person's form was loaded at. Raises ValidationError for a closed
    EOI without a reason, or a merged EOI; StaleEdit if someone else saved it since."""
    eoi = EOI.objects.select_for_update().get(pk=eoi.pk)
    expected = eoi.version if version is None else version
    if eoi.merged_into_id:
        raise ValidationError("This EOI was merged into another; work that one instead.")
    if status == EOI.Status.CLOSED and closed_reason == EOI.ClosedReason.DUPLICATE:
        raise ValidationError({"closed_reason": "Use 'merge' to close a duplicate."})
    eoi.assigned_to = assigned_to
    eoi.status = status
    eoi.closed_reason = closed_reason if status == EOI.Status.CLOSED else ""
    eoi.next_action = next_action.strip()
    eoi.next_action_on = None if status == EOI.Status.CLOSED else next_action_on
    eoi.full_clean()
    save_versioned(eoi, expected_version=expected, fields=WORK_FIELDS)
    audit_action(actor=actor, action="recruitment.eoi.worked", obj=eoi, data={"status": eoi.status})
    return eoi


@transaction.atomic
def eoi_contact_log(*, actor, eoi: EOI, method: str, note: str, contacted_at=None) -> ContactLog:
    """Log a contact with the person; a new EOI becomes 'contacted'."""
    entry = ContactLog(
        eoi=eoi,
        officer=actor,
        method=method,
        note=note.strip(),
        contacted_at=contacted_at or timezone.now(),
    )
    entry.full_clean()
    entry.save()
    if eoi.status == EOI.Status.NEW:
        EOI.objects.filter(pk=eoi.pk).update(status=EOI.Status.CONTACTED)
        eoi.status = EOI.Status.CONTACTED
    audit_action(actor=actor, action="recruitment.eoi.contacted", obj=eoi)
    return entry


@transaction.atomic
def candidate_create(*, actor, eoi: EOI, applied_on: date, route: str | None = None) -> Candidate:
    """The person has applied: open their place in the pipeline (once per EOI).

    Raises ValidationError for a closed or merged EOI, or one that already applied."""
    eoi = EOI.objects.select_for_update().get(pk=eoi.pk)
    if eoi.status == EOI.Status.CLOSED:
        raise ValidationError("This EOI is closed; reopen it before recording an application.")
    if Candidate.objects.filter(eoi=eoi).exists():
        raise ValidationError("This person has already applied.")
    candidate = Candidate(eoi=eoi, route=route or eoi.route, applied_on=applied_on)
    candidate.full_clean()
    candidate.save()
    EOI.objects.filter(pk=eoi.pk).update(status=EOI.Status.APPLIED, next_action_on=None)
    audit_action(actor=actor, action="recruitment.candidate.created", obj=candidate)
    return candidate


RESULT_STATUS = {
    StageResult.Result.FAIL: Candidate.Status.UNSUCCESSFUL,
    StageResult.Result.WITHDRAWN: Candidate.Status.WITHDRAWN,
}


@transaction.atomic
def stage_result_record(
    *,
    actor,
    candidate: Candidate,
    stage: PipelineStage,
    result: str,
    score: Decimal | None = None,
    note: str = "",
    recorded_on: date | None = None,
) -> StageResult:
    """Record a candidate's result at a stage; a fail or withdrawal ends their application.

    Raises ValidationError for a stage of another route, a score at an outcome-only stage, or
    a candidate who is no longer in the pipeline."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status in (Candidate.Status.UNSUCCESSFUL, Candidate.Status.WITHDRAWN):
        raise ValidationError("This candidate is no longer in the pipeline.")
    row = StageResult(
        candidate=candidate,
        stage=stage,
        result=result,
        score=score,
        note=note.strip(),
        recorded_by=actor,
        recorded_on=recorded_on or timezone.localdate(),
    )
    row.full_clean()
    row.save()
    if result in RESULT_STATUS:
        candidate.status = RESULT_STATUS[result]
        candidate.save(update_fields=["status", "updated_at"])
    audit_action(
        actor=actor,
        action="recruitment.stage_result.recorded",
        obj=candidate,
        data={"stage": stage.name, "result": result},
    )
    return row


def stages_outstanding(candidate: Candidate) -> list[PipelineStage]:
    """Active stages of the candidate's route without a pass."""
    passed = set(
        candidate.results.filter(result=StageResult.Result.PASS).values_list("stage_id", flat=True)
    )
    stages = PipelineStage.objects.filter(route=candidate.route, active=True)
    return [stage for stage in stages if stage.pk not in passed]


@transaction.atomic
def offer_make(*, actor, candidate: Candidate, final: bool, on: date | None = None) -> Candidate:
    """Make a conditional offer, or the final one once every active stage is passed.

    Raises ValidationError when the candidate is not ready for that offer."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    on = on or timezone.localdate()
    if final:
        if candidate.status != Candidate.Status.CONDITIONAL_OFFER:
            raise ValidationError("A final offer follows a conditional offer.")
        outstanding = stages_outstanding(candidate)
        if outstanding:
            names = ", ".join(stage.name for stage in outstanding)
            raise ValidationError(f"Stages not yet passed: {names}.")
        candidate.status, candidate.final_offer_on = Candidate.Status.FINAL_OFFER, on
    else:
        if candidate.status != Candidate.Status.IN_PROGRESS:
            raise ValidationError("Only a candidate in progress can have a conditional offer.")
        candidate.status, candidate.conditional_offer_on = Candidate.Status.CONDITIONAL_OFFER, on
    candidate.full_clean()
    candidate.save()
    kind = "final" if final else "conditional"
    audit_action(actor=actor, action=f"recruitment.candidate.{kind}_offer", obj=candidate)
    return candidate


@transaction.atomic
def candidate_intake_assign(*, actor, candidate: Candidate, intake: Intake) -> Candidate:
    """Place a candidate with an offer in an intake cohort of their route."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status not in (Candidate.Status.CONDITIONAL_OFFER, Candidate.Status.FINAL_OFFER):
        raise ValidationError("Only a candidate with an offer can join an intake.")
    if intake.route != candidate.route:
        raise ValidationError({"intake": "This intake is for another route."})
    candidate.intake = intake
    candidate.full_clean()
    candidate.save()
    audit_action(actor=actor, action="recruitment.candidate.intake_assigned", obj=candidate)
    return candidate


def _start_check(candidate: Candidate) -> None:
    if candidate.status != Candidate.Status.FINAL_OFFER:
        raise ValidationError("Only a candidate with a final offer can start.")
    if candidate.intake_id is None:
        raise ValidationError("Place the candidate in an intake first.")
    if candidate.route not in CONSTABLE_ROUTES:
        raise ValidationError("Only constable routes start here as student officers.")


@transaction.atomic
def candidate_start(*, actor, candidate: Candidate, staff_number: str) -> User:
    """The candidate starts in their intake: create them as a student officer, with their
    probation, exactly once. Calling it again returns the same colleague.

    Raises ValidationError when they have no final offer or intake, or for a taken staff
    number."""
    candidate = (
        Candidate.objects.select_for_update(of=("self",))
        .select_related("eoi", "intake", "colleague")
        .get(pk=candidate.pk)
    )
    if candidate.colleague_id:
        return candidate.colleague
    _start_check(candidate)
    colleague = student_officer_create(
        actor=actor,
        staff_number=staff_number,
        first_name=candidate.eoi.first_name,
        last_name=candidate.eoi.last_name,
        email=candidate.eoi.email,
        route=candidate.route,
        start_date=candidate.intake.start_date,
    )
    candidate.colleague, candidate.status = colleague, Candidate.Status.STARTED
    candidate.full_clean()
    candidate.save()
    audit_action(actor=actor, action="recruitment.candidate.started", obj=candidate)
    return colleague


@transaction.atomic
def support_record(
    *, actor, eoi: EOI, kind: str, given_on: date, group: str, notes: str = ""
) -> PositiveActionSupport:
    """Record positive action support (s158) given to a person, noting the group relied on."""
    support = PositiveActionSupport(
        eoi=eoi,
        kind=kind,
        given_on=given_on,
        given_by=actor,
        group=group.strip(),
        notes=notes.strip(),
    )
    support.full_clean()
    support.save()
    audit_action(actor=actor, action="recruitment.support.recorded", obj=support)
    return support


def _scores_at(stage: PipelineStage, candidates: Sequence[Candidate]) -> dict[int, Decimal]:
    """Each candidate's latest recorded score at `stage`; refuses a candidate without one."""
    scores = {}
    for candidate in candidates:
        row = (
            StageResult.objects.filter(candidate=candidate, stage=stage, score__isnull=False)
            .order_by("-recorded_on", "-id")
            .first()
        )
        if row is None:
            raise ValidationError(f"{candidate} has no recorded score at {stage.name}.")
        scores[candidate.pk] = row.score
    return scores


def _tie_break_check(stage, candidates, preferred) -> Decimal:
    if len({c.pk for c in candidates}) < 2:
        raise ValidationError("A tie-break needs at least two candidates.")
    if preferred.pk not in {c.pk for c in candidates}:
        raise ValidationError("The preferred candidate must be one of those considered.")
    if not stage.scored:
        raise ValidationError("A tie-break is only between scores; this stage has none.")
    scores = _scores_at(stage, candidates)
    if len(set(scores.values())) != 1:
        shown = ", ".join(f"{v}" for v in sorted(set(scores.values())))
        raise ValidationError(
            "The candidates' scores differ "
            f"({shown}). Section 159 only allows a preference between equally qualified "
            "candidates; the higher score must decide."
        )
    return next(iter(scores.values()))


@transaction.atomic
def tie_break_record(
    *,
    actor,
    stage: PipelineStage,
    candidates: Sequence[Candidate],
    preferred: Candidate,
    characteristic: str,
    evidence: str,
    reason: str,
    decided_on: date | None = None,
) -> TieBreakDecision:
    """Record an s159 tie-break between equally scored candidates, with the evidence of
    under-representation, the characteristic relied on, who decided and why.

    Raises ValidationError when the scores differ (or are missing), so it can never be used to
    prefer a lower score. It changes no mark and skips no stage."""
    score = _tie_break_check(stage, candidates, preferred)
    decision = TieBreakDecision(
        stage=stage,
        score=score,
        preferred=preferred,
        characteristic=characteristic,
        evidence=evidence.strip(),
        reason=reason.strip(),
        decided_by=actor,
        decided_on=decided_on or timezone.localdate(),
    )
    decision.full_clean()
    decision.save()
    TieBreakCandidate.objects.bulk_create(
        TieBreakCandidate(decision=decision, candidate=c, score=score)
        for c in {c.pk: c for c in candidates}.values()
    )
    audit_action(actor=actor, action="recruitment.tie_break.recorded", obj=decision)
    return decision


ERASED_NAME = "Erased"


def _eoi_anonymise_one(eoi: EOI) -> None:
    """Blank everything that identifies the person; keep what the figures count (route,
    received date, status, sources with their channel, campaign, zone and ambassador)."""
    eoi.first_name, eoi.last_name = ERASED_NAME, f"EOI {eoi.pk}"
    eoi.email, eoi.phone = f"erased-{eoi.pk}@erased.invalid", ""
    eoi.postcode = (eoi.postcode or "").split(" ")[0][:4]  # the district only
    eoi.over_17 = eoi.right_to_work = eoi.lived_in_uk_3_years = eoi.has_degree = None
    eoi.next_action, eoi.next_action_on, eoi.assigned_to = "", None, None
    if eoi.status != EOI.Status.CLOSED:
        eoi.status, eoi.closed_reason = EOI.Status.CLOSED, EOI.ClosedReason.WITHDRAWN
    eoi.full_clean()
    eoi.save()
    ContactLog.objects.filter(eoi=eoi).delete()
    EOIEquality.objects.filter(eoi=eoi).delete()
    PositiveActionSupport.objects.filter(eoi=eoi).update(notes="")
    StageResult.objects.filter(candidate__eoi=eoi).update(note="")


def eoi_anonymise(*, eoi_ids) -> int:
    """Anonymise EOIs (and any duplicates merged into them) without writing their old values
    into the change history again. Returns how many EOI rows were anonymised."""
    from auditlog.context import disable_auditlog

    count = 0
    with transaction.atomic(), disable_auditlog():
        for eoi in EOI.objects.filter(pk__in=list(eoi_ids)).select_for_update():
            for each in [eoi, *EOI.objects.filter(merged_into=eoi)]:
                _eoi_anonymise_one(each)
                count += 1
    return count


@transaction.atomic
def eoi_erase(*, actor, eoi: EOI) -> EOI:
    """Erase an EOI's personal details when the person withdraws consent, keeping the anonymous
    row so channel, campaign and date counts still add up. Records an audit action with no
    personal data in it."""
    if eoi.first_name == ERASED_NAME:
        raise ValidationError("This EOI has already been erased.")
    count = eoi_anonymise(eoi_ids=[eoi.pk])
    audit_action(actor=actor, action="recruitment.eoi.erased", obj=eoi, data={"rows": count})
    return EOI.objects.get(pk=eoi.pk)
