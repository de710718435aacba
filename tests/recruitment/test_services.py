from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from adjustments.models import JoinerNeed
from people.models import EntryRoute, PersonType, Probation, Rank, User
from recruitment import selectors, services
from recruitment.models import (
    Candidate,
    Channel,
    EOIEquality,
    EOISource,
    ExpressionOfInterest,
    StageResult,
    TieBreakDecision,
)
from tests.recruitment.factories import (
    AmbassadorFactory,
    CampaignFactory,
    CandidateFactory,
    EOIFactory,
    IntakeFactory,
    ZoneFactory,
)

EOI = ExpressionOfInterest


def _capture(actor, **extra):
    values = {
        "first_name": "Kemi",
        "last_name": "Adeyemi",
        "email": "Kemi.Adeyemi@Example.com ",
        "phone": "07700 900123",
        "postcode": "b42 1aa",
        "route": EntryRoute.PCDA,
        "consent_to_contact": True,
        "channel": Channel.WEB,
    }
    return services.eoi_create(actor=actor, **{**values, **extra})


def test_it_captures_an_eoi_with_its_source_and_tidy_contact_details(recruitment_officer):
    campaign = CampaignFactory()
    zone = ZoneFactory(campaign=campaign)
    eoi = _capture(recruitment_officer, channel=Channel.EVENT, zone=zone)
    assert (eoi.email, eoi.phone, eoi.postcode) == (
        "kemi.adeyemi@example.com",
        "+447700900123",
        "B42 1AA",
    )
    source = eoi.sources.get()
    assert (source.channel, source.campaign, source.zone) == (Channel.EVENT, campaign, zone)
    assert not EOIEquality.objects.exists()  # equality is optional


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "12345", "Enter a UK phone number"),
        ("postcode", "XYZ", "Enter a UK postcode"),
        ("email", "kemi@", "Enter an email address"),
        ("consent_to_contact", False, "consent to contact"),
    ],
)
def test_it_refuses_bad_details_and_saves_nothing(recruitment_officer, field, value, message):
    with pytest.raises(ValidationError) as error:
        _capture(recruitment_officer, **{field: value})
    assert message in str(error.value.message_dict[field])
    assert not EOI.objects.exists() and not EOISource.objects.exists()


def test_equality_answers_are_kept_apart_from_the_eoi(recruitment_officer):
    eoi = _capture(recruitment_officer, equality={"ethnicity": "B_CAR", "sex": "F"})
    record = EOIEquality.objects.get(eoi=eoi)
    assert record.ethnicity == "B_CAR"
    assert "ethnicity" not in {f.name for f in EOI._meta.get_fields() if f.concrete}


def test_a_declared_adjustment_need_reaches_the_ra_officers_once(
    recruitment_officer, ra_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        eoi = _capture(recruitment_officer, adjustment_need="Extra time in written tests")
        services.eoi_adjustment_declare(actor=recruitment_officer, eoi=eoi, details="again")
    need = JoinerNeed.objects.get()
    assert need.source == f"EOI {eoi.pk}" and need.email == "kemi.adeyemi@example.com"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ra_officer.email]


@pytest.mark.parametrize(
    "second",
    [
        {"first_name": "K", "phone": "", "email": "kemi.adeyemi@example.com"},
        {"first_name": "K", "email": "", "phone": "+44 7700 900123"},
        {"email": "other@example.com", "phone": "", "postcode": "B421AA"},
    ],
    ids=["same email", "same phone", "same name and postcode"],
)
def test_it_finds_the_same_person_from_another_channel(recruitment_officer, second):
    first = _capture(recruitment_officer)
    other = _capture(recruitment_officer, channel=Channel.SOCIAL, **second)
    assert list(selectors.duplicates_of(eoi=other)) == [first]


def test_different_people_are_not_duplicates(recruitment_officer):
    _capture(recruitment_officer)
    other = _capture(
        recruitment_officer, first_name="Jo", email="jo@example.com", phone="07700900999"
    )
    assert not selectors.duplicates_of(eoi=other).exists()


def test_a_merge_keeps_every_source(recruitment_officer, ambassador):
    ambassador_record = AmbassadorFactory(person=ambassador)
    campaign = CampaignFactory(name="Op Inscription")
    keep = _capture(recruitment_officer, channel=Channel.EVENT, campaign=campaign, email="")
    duplicate = _capture(
        ambassador, channel=Channel.AMBASSADOR, ambassador=ambassador_record, phone=""
    )
    services.eoi_contact_log(actor=recruitment_officer, eoi=duplicate, method="phone", note="Hi")
    services.eoi_merge(actor=recruitment_officer, keep=keep, duplicate=duplicate)
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    channels = sorted(keep.sources.values_list("channel", flat=True))
    assert channels == [Channel.AMBASSADOR, Channel.EVENT]
    assert keep.contacts.count() == 1
    assert keep.email == "kemi.adeyemi@example.com"  # a blank filled from the duplicate
    assert duplicate.merged_into == keep and duplicate.closed_reason == "duplicate"
    assert EOISource.objects.count() == 2  # nothing lost
    # the ambassador still sees the person they captured
    assert selectors.eois_for(user=ambassador).filter(pk=keep.pk).exists()


def test_a_merge_is_refused_into_itself_or_twice(recruitment_officer):
    keep, duplicate = _capture(recruitment_officer), _capture(recruitment_officer)
    with pytest.raises(ValidationError):
        services.eoi_merge(actor=recruitment_officer, keep=keep, duplicate=keep)
    services.eoi_merge(actor=recruitment_officer, keep=keep, duplicate=duplicate)
    with pytest.raises(ValidationError):
        services.eoi_merge(actor=recruitment_officer, keep=keep, duplicate=duplicate)


def test_an_ambassador_sees_only_what_they_captured(recruitment_officer, ambassador):
    mine = _capture(ambassador, channel=Channel.AMBASSADOR)
    _capture(recruitment_officer, email="x@example.com", phone="")
    assert list(selectors.eois_for(user=ambassador)) == [mine]
    assert selectors.eois_for(user=recruitment_officer).count() == 2


def test_a_correction_changes_only_the_details_and_is_audited(recruitment_officer):
    from auditlog.models import LogEntry

    eoi = _capture(recruitment_officer)
    services.eoi_details_correct(
        actor=recruitment_officer, eoi=eoi, postcode="B1 1AA", first_name="Kemisola"
    )
    eoi.refresh_from_db()
    assert (eoi.first_name, eoi.postcode, eoi.status) == ("Kemisola", "B1 1AA", EOI.Status.NEW)
    entry = LogEntry.objects.get(changes_text="recruitment.eoi.corrected")
    assert entry.additional_data["fields"] == ["first_name", "postcode"]
    with pytest.raises(ValidationError):
        services.eoi_details_correct(actor=recruitment_officer, eoi=eoi, route="astronaut")
    with pytest.raises(TypeError):
        services.eoi_details_correct(actor=recruitment_officer, eoi=eoi, status="closed")
    eoi.refresh_from_db()
    assert (eoi.route, eoi.status) == (EntryRoute.PCDA, EOI.Status.NEW)


def test_a_quick_capture_source_says_event_ambassador_or_other(recruitment_officer, ambassador):
    zone = ZoneFactory()
    at_event = selectors.quick_capture_source(user=recruitment_officer, zone=zone)
    assert (at_event["channel"], at_event["zone"]) == (Channel.EVENT, zone)
    assert selectors.quick_capture_source(user=recruitment_officer, zone=None)["channel"] == (
        Channel.OTHER
    )
    record = AmbassadorFactory(person=ambassador)
    on_duty = selectors.quick_capture_source(user=ambassador, zone=None)
    assert (on_duty["channel"], on_duty["ambassador"]) == (Channel.AMBASSADOR, record)


def test_closing_needs_a_reason_and_clears_the_next_action(recruitment_officer):
    eoi = _capture(recruitment_officer)
    with pytest.raises(ValidationError):
        services.eoi_work_update(
            actor=recruitment_officer, eoi=eoi, assigned_to=None, status=EOI.Status.CLOSED
        )
    services.eoi_work_update(
        actor=recruitment_officer,
        eoi=eoi,
        assigned_to=recruitment_officer,
        status=EOI.Status.CLOSED,
        closed_reason=EOI.ClosedReason.NO_RESPONSE,
        next_action_on=date(2026, 1, 1),
    )
    eoi.refresh_from_db()
    assert eoi.closed_reason == "no_response" and eoi.next_action_on is None


def test_a_contact_moves_a_new_eoi_to_contacted(recruitment_officer):
    eoi = _capture(recruitment_officer)
    services.eoi_contact_log(actor=recruitment_officer, eoi=eoi, method="email", note="Sent pack")
    eoi.refresh_from_db()
    assert eoi.status == EOI.Status.CONTACTED


def _to_final_offer(officer, stages, candidate=None):
    candidate = candidate or CandidateFactory()
    for stage in stages:
        services.stage_result_record(
            actor=officer,
            candidate=candidate,
            stage=stage,
            result=StageResult.Result.PASS,
            score=Decimal("70") if stage.scored else None,
        )
    services.offer_make(actor=officer, candidate=candidate, final=False)
    services.offer_make(actor=officer, candidate=candidate, final=True)
    intake = IntakeFactory()
    services.candidate_intake_assign(actor=officer, candidate=candidate, intake=intake)
    return candidate


def test_a_final_offer_needs_every_stage_passed(recruitment_officer, pcda_stages):
    candidate = CandidateFactory()
    services.offer_make(actor=recruitment_officer, candidate=candidate, final=False)
    with pytest.raises(ValidationError, match="Online sift, Assessment centre, Vetting"):
        services.offer_make(actor=recruitment_officer, candidate=candidate, final=True)


def test_an_outcome_only_stage_refuses_a_score(recruitment_officer, pcda_stages):
    with pytest.raises(ValidationError):
        services.stage_result_record(
            actor=recruitment_officer,
            candidate=CandidateFactory(),
            stage=pcda_stages[2],
            result="pass",
            score=Decimal("1"),
        )


def test_starting_in_an_intake_creates_exactly_one_colleague(recruitment_officer, pcda_stages):
    candidate = _to_final_offer(recruitment_officer, pcda_stages)
    users_before = User.objects.count()
    officer = services.candidate_start(
        actor=recruitment_officer, candidate=candidate, staff_number="S10001"
    )
    again = services.candidate_start(
        actor=recruitment_officer, candidate=candidate, staff_number="S10002"
    )
    assert officer.pk == again.pk
    assert User.objects.count() == users_before + 1
    assert (officer.person_type, officer.rank, officer.entry_route) == (
        PersonType.POLICE_OFFICER,
        Rank.CONSTABLE,
        EntryRoute.PCDA,
    )
    candidate.refresh_from_db()
    probation = Probation.objects.get(officer=officer)
    assert probation.start_date == candidate.intake.start_date
    assert probation.expected_end.year == candidate.intake.start_date.year + 3
    assert candidate.status == Candidate.Status.STARTED and candidate.colleague == officer


def test_nobody_starts_without_a_final_offer(recruitment_officer):
    with pytest.raises(ValidationError):
        services.candidate_start(
            actor=recruitment_officer, candidate=CandidateFactory(), staff_number="S1"
        )
    assert not User.objects.filter(staff_number="S1").exists()


def _scored(officer, stage, *scores):
    candidates = []
    for score in scores:
        candidate = CandidateFactory()
        services.stage_result_record(
            actor=officer, candidate=candidate, stage=stage, result="pass", score=Decimal(score)
        )
        candidates.append(candidate)
    return candidates


def _tie_break(officer, stage, candidates):
    return services.tie_break_record(
        actor=officer,
        stage=stage,
        candidates=candidates,
        preferred=candidates[1],
        characteristic="ethnicity",
        evidence="Ethnic minority officers are 12% of the force against 29.9% of the area.",
        reason="Equal scores; scheduled first for the next vetting slot.",
    )


def test_a_tie_break_is_refused_between_unequal_scores(recruitment_officer, pcda_stages):
    candidates = _scored(recruitment_officer, pcda_stages[1], "71.5", "71")
    with pytest.raises(ValidationError, match="scores differ"):
        _tie_break(recruitment_officer, pcda_stages[1], candidates)
    assert not TieBreakDecision.objects.exists()


def test_a_tie_break_is_refused_without_scores(recruitment_officer, pcda_stages):
    candidates = [CandidateFactory(), CandidateFactory()]
    with pytest.raises(ValidationError, match="no recorded score"):
        _tie_break(recruitment_officer, pcda_stages[1], candidates)


def test_a_tie_break_between_equal_scores_is_recorded_in_full(positive_action, pcda_stages):
    candidates = _scored(positive_action, pcda_stages[1], "71.5", "71.50")
    decision = _tie_break(positive_action, pcda_stages[1], candidates)
    assert decision.score == Decimal("71.5") and decision.preferred == candidates[1]
    assert decision.decided_by == positive_action and decision.evidence and decision.reason
    assert sorted(decision.considered.values_list("candidate_id", flat=True)) == sorted(
        c.pk for c in candidates
    )
    assert set(decision.considered.values_list("score", flat=True)) == {Decimal("71.5")}
    # nobody's mark changed
    assert set(StageResult.objects.values_list("score", flat=True)) == {Decimal("71.5")}


def test_positive_action_support_notes_the_group(positive_action):
    eoi = EOIFactory()
    support = services.support_record(
        actor=positive_action,
        eoi=eoi,
        kind="coaching",
        given_on=date(2026, 4, 1),
        group="Black heritage applicants",
    )
    assert support.group == "Black heritage applicants" and support.given_by == positive_action


def test_a_colleague_is_enrolled_as_an_ambassador_once(recruitment_officer, colleague):
    first = services.ambassador_enrol(
        actor=recruitment_officer,
        person=colleague,
        inducted_on=date(2025, 6, 1),
        trainer="Sgt Bell",
    )
    again = services.ambassador_enrol(
        actor=recruitment_officer,
        person=colleague,
        inducted_on=date(2025, 6, 1),
        trainer="Sgt Bell",
        active=False,
    )
    assert first.pk == again.pk and not again.active
