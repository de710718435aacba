from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import LogEntry
from performance import services
from performance.models import (
    AppealStatus,
    ModerationDecision,
    Objective,
    ObjectiveLevel,
    Phase,
    Rating,
    RatingStatus,
)
from tests.performance.factories import decide, level, make_panel, make_rating, set_phase

TODAY = timezone.localdate


def _rate(actor, year, person, what="achieved", how="achieved"):
    return services.rating_give(
        actor=actor, year=year, person=person, what=level(year, what), how=level(year, how)
    )


def test_it_lets_a_manager_rate_their_own_report_in_the_year_end_phase(manager, colleague, year):
    rating = _rate(manager, year, colleague, "exceeded", "achieved")
    assert rating.status == RatingStatus.PROVISIONAL
    assert rating.how_framework == "CVF 2024"
    assert rating.department == colleague.department
    assert LogEntry.objects.filter(changes_text="performance.rating.provisional").exists()


def test_it_refuses_a_manager_rating_someone_elses_report(manager, outsider, moderator, year):
    for person in (outsider, moderator):
        with pytest.raises(PermissionDenied):
            _rate(manager, year, person)
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    "phase", [Phase.OBJECTIVE_SETTING, Phase.IN_YEAR, Phase.MODERATION, Phase.CLOSED]
)
def test_it_refuses_a_rating_outside_the_year_end_phase(manager, colleague, year, phase):
    set_phase(year, phase)
    with pytest.raises(ValidationError):
        _rate(manager, year, colleague)
    assert not Rating.objects.exists()


def test_it_refuses_a_level_from_another_scale(manager, colleague, year):
    from performance.models import RatingLevel, RatingScale

    other = RatingScale.objects.create(name="Other")
    stray = RatingLevel.objects.create(scale=other, code="a", label="A", rank=1)
    with pytest.raises(ValidationError) as error:
        services.rating_give(
            actor=manager, year=year, person=colleague, what=stray, how=level(year, "achieved")
        )
    assert "what" in error.value.message_dict


def test_it_lets_a_moderator_confirm_and_change_only_their_panels_department(
    manager, colleague, outsider, moderator, year, panel, other_department
):
    mine = _rate(manager, year, colleague)
    outsider.line_manager = manager
    outsider.save()
    theirs = _rate(manager, year, outsider)
    make_panel(year, other_department, [])
    set_phase(year, Phase.MODERATION)
    mine.refresh_from_db()
    services.moderation_decide(
        actor=moderator, rating=mine, what=mine.provisional_what, how=mine.provisional_how
    )
    with pytest.raises(PermissionDenied):
        services.moderation_decide(
            actor=moderator,
            rating=theirs,
            what=level(year, "exceptional"),
            how=level(year, "achieved"),
            reason="x",
        )
    assert ModerationDecision.objects.get().rating == mine


def test_it_refuses_a_panel_member_without_the_moderator_role(manager, colleague, year, panel):
    rating = _rate(manager, year, colleague)
    panel.members.add(manager)
    set_phase(year, Phase.MODERATION)
    with pytest.raises(PermissionDenied):
        services.moderation_decide(
            actor=manager, rating=rating, what=rating.provisional_what, how=rating.provisional_how
        )


def test_it_refuses_a_changed_rating_without_a_reason(manager, colleague, moderator, year, panel):
    rating = _rate(manager, year, colleague)
    set_phase(year, Phase.MODERATION)
    with pytest.raises(ValidationError) as error:
        services.moderation_decide(
            actor=moderator,
            rating=rating,
            what=level(year, "exceeded"),
            how=rating.provisional_how,
            reason="   ",
        )
    assert "reason" in error.value.message_dict
    assert not ModerationDecision.objects.exists()
    decision = services.moderation_decide(
        actor=moderator,
        rating=rating,
        what=level(year, "exceeded"),
        how=rating.provisional_how,
        reason="Evidence of the burglary reduction work was not considered.",
    )
    assert decision.changed
    rating.refresh_from_db()
    assert rating.status == RatingStatus.MODERATED


def test_the_database_refuses_a_change_without_a_reason(manager, colleague, year, panel):
    rating = make_rating(colleague, year)
    with pytest.raises(IntegrityError), transaction.atomic():
        ModerationDecision.objects.create(
            rating=rating,
            panel=panel,
            what=level(year, "exceeded"),
            how=rating.provisional_how,
            changed=True,
            reason="",
            decided_on=TODAY(),
        )


def test_closing_a_panel_makes_ratings_final_and_locked(manager, colleague, moderator, year, panel):
    rating = _rate(manager, year, colleague, "partly")
    set_phase(year, Phase.MODERATION)
    with pytest.raises(ValidationError):  # a rating still awaits a decision
        services.moderation_panel_close(actor=moderator, panel=panel)
    services.moderation_decide(
        actor=moderator,
        rating=rating,
        what=level(year, "achieved"),
        how=rating.provisional_how,
        reason="Consistent with peers on the same evidence.",
    )
    assert services.moderation_panel_close(actor=moderator, panel=panel) == 1
    rating.refresh_from_db()
    assert rating.status == RatingStatus.FINAL
    assert rating.final_what == level(year, "achieved")
    with pytest.raises(ValidationError):
        services.moderation_decide(
            actor=moderator,
            rating=rating,
            what=level(year, "exceptional"),
            how=rating.provisional_how,
            reason="Late change",
        )
    set_phase(year, Phase.YEAR_END)
    with pytest.raises(ValidationError):
        _rate(manager, year, colleague, "exceptional")


def test_a_closed_year_cannot_be_edited(manager, colleague, moderator, admin_user, year, panel):
    rating = make_rating(colleague, year)
    set_phase(year, Phase.CLOSED)
    attempts = [
        lambda: _rate(manager, year, colleague),
        lambda: services.objective_set(
            actor=manager,
            year=year,
            level=ObjectiveLevel.INDIVIDUAL,
            position=1,
            title="Reduce repeat victims",
            person=colleague,
        ),
        lambda: services.objective_set(
            actor=admin_user, year=year, level=ObjectiveLevel.FORCE, position=1, title="Trust"
        ),
        lambda: services.check_in_record(
            actor=manager, year=year, person=colleague, held_on=TODAY(), notes="Catch-up"
        ),
        lambda: services.year_end_review_complete(
            actor=manager, year=year, person=colleague, summary="Good", completed_on=TODAY()
        ),
        lambda: services.moderation_decide(
            actor=moderator, rating=rating, what=rating.provisional_what, how=rating.provisional_how
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="closed"):
            attempt()
    assert not Objective.objects.exists()


def test_individual_objectives_fill_two_slots(manager, colleague, year):
    set_phase(year, Phase.OBJECTIVE_SETTING)
    for position in (1, 2):
        services.objective_set(
            actor=manager,
            year=year,
            level=ObjectiveLevel.INDIVIDUAL,
            position=position,
            title=f"Objective {position}",
            person=colleague,
        )
    services.objective_set(
        actor=manager,
        year=year,
        level=ObjectiveLevel.INDIVIDUAL,
        position=2,
        title="Replaced",
        person=colleague,
    )
    assert list(Objective.objects.values_list("title", flat=True)) == ["Objective 1", "Replaced"]
    with pytest.raises(ValidationError):
        services.objective_set(
            actor=manager,
            year=year,
            level=ObjectiveLevel.INDIVIDUAL,
            position=3,
            title="A third",
            person=colleague,
        )


def test_only_an_admin_sets_force_and_departmental_objectives(
    manager, admin_user, home_department, year
):
    set_phase(year, Phase.OBJECTIVE_SETTING)
    with pytest.raises(PermissionDenied):
        services.objective_set(
            actor=manager, year=year, level=ObjectiveLevel.FORCE, position=1, title="Trust"
        )
    services.objective_set(
        actor=admin_user,
        year=year,
        level=ObjectiveLevel.DEPARTMENTAL,
        position=1,
        title="Response times",
        department=home_department,
    )
    with pytest.raises(ValidationError):  # a departmental objective needs its department
        services.objective_set(
            actor=admin_user, year=year, level=ObjectiveLevel.DEPARTMENTAL, position=2, title="X"
        )


def test_check_ins_and_the_year_end_review(manager, colleague, year):
    set_phase(year, Phase.IN_YEAR)
    with pytest.raises(ValidationError) as error:
        services.check_in_record(
            actor=manager,
            year=year,
            person=colleague,
            held_on=TODAY() + timedelta(days=1),
            notes="Future",
        )
    assert "held_on" in error.value.message_dict
    services.check_in_record(
        actor=manager, year=year, person=colleague, held_on=TODAY(), notes="On track"
    )
    with pytest.raises(ValidationError):  # not yet year end
        services.year_end_review_complete(
            actor=manager, year=year, person=colleague, summary="Good", completed_on=TODAY()
        )
    set_phase(year, Phase.YEAR_END)
    review = services.year_end_review_complete(
        actor=manager, year=year, person=colleague, summary="Good year", completed_on=TODAY()
    )
    assert review.completed_on == TODAY()


def _final(manager, moderator, colleague, year, panel):
    rating = _rate(manager, year, colleague)
    set_phase(year, Phase.MODERATION)
    services.moderation_decide(
        actor=moderator, rating=rating, what=rating.provisional_what, how=rating.provisional_how
    )
    services.moderation_panel_close(actor=moderator, panel=panel)
    rating.refresh_from_db()
    return rating


def test_appeals_are_lodged_by_the_colleague_and_decided_with_a_reason(
    manager, colleague, student, moderator, year, panel
):
    rating = _final(manager, moderator, colleague, year, panel)
    with pytest.raises(PermissionDenied):
        services.appeal_lodge(actor=student, rating=rating, grounds="Not mine")
    appeal = services.appeal_lodge(actor=colleague, rating=rating, grounds="Evidence missed")
    with pytest.raises(ValidationError):
        services.appeal_lodge(actor=colleague, rating=rating, grounds="Again")
    with pytest.raises(ValidationError) as error:
        services.appeal_decide(actor=moderator, appeal=appeal, upheld=False, reason="")
    assert "reason" in error.value.message_dict
    services.appeal_decide(
        actor=moderator,
        appeal=appeal,
        upheld=True,
        reason="The evidence supports it",
        what=level(year, "exceeded"),
        how=level(year, "achieved"),
    )
    appeal.refresh_from_db()
    rating.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert rating.final_what == level(year, "exceeded")


def test_an_appeal_needs_a_final_rating(manager, colleague, year, panel):
    rating = _rate(manager, year, colleague)
    set_phase(year, Phase.MODERATION)
    with pytest.raises(ValidationError):
        services.appeal_lodge(actor=colleague, rating=rating, grounds="Too early")


def test_decide_helper_matches_service_semantics(colleague, year, panel):
    rating = make_rating(colleague, year)
    assert not decide(rating, panel).changed


def test_nobody_moderates_their_own_rating(manager, moderator, year, panel):
    moderator.line_manager = manager
    moderator.save()
    rating = _rate(manager, year, moderator)
    set_phase(year, Phase.MODERATION)
    with pytest.raises(PermissionDenied):
        services.moderation_decide(
            actor=moderator, rating=rating, what=rating.provisional_what, how=rating.provisional_how
        )
