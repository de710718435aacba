"""The register's rules: status transitions, baselines kept, snapshots unchangeable, audit."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, InternalError, ProgrammingError, transaction

from core.audit import LogEntry
from programmes import services
from programmes.models import (
    BaselineVersion,
    Benefit,
    BenefitsReview,
    BenefitStatus,
    FinancialLine,
    ProfileLine,
)
from tests.programmes.factories import (
    BASELINE,
    BenefitFactory,
    ProfileLineFactory,
    ProjectFactory,
)


def _actions(obj):
    entries = LogEntry.objects.get_for_object(obj)
    return [e.additional_data["action"] for e in entries if e.additional_data]


def _baselined(actor, approver):
    benefit = BenefitFactory()
    ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=Decimal("1000"))
    services.benefit_transition(actor=actor, benefit=benefit, to=BenefitStatus.VALIDATED)
    services.benefit_baseline(actor=actor, benefit=benefit, approved_by=approver, **BASELINE)
    return benefit


def test_it_walks_a_benefit_through_its_life(db, benefits_analyst, people_analyst):
    benefit = _baselined(benefits_analyst, people_analyst)
    assert benefit.status == BenefitStatus.BASELINED
    for to in (BenefitStatus.TRACKING, BenefitStatus.REALISED):
        services.benefit_transition(actor=benefits_analyst, benefit=benefit, to=to, bau_date=None)
    benefit.refresh_from_db()
    assert benefit.status == BenefitStatus.REALISED
    assert "programmes.benefit.status" in _actions(benefit)
    assert "programmes.benefit.baselined" in _actions(benefit)


@pytest.mark.parametrize(
    "start, to",
    [
        (BenefitStatus.IDENTIFIED, BenefitStatus.TRACKING),
        (BenefitStatus.IDENTIFIED, BenefitStatus.REALISED),
        (BenefitStatus.VALIDATED, BenefitStatus.BASELINED),  # needs an approver: own service
        (BenefitStatus.WITHDRAWN, BenefitStatus.VALIDATED),
    ],
)
def test_it_refuses_a_transition_the_register_does_not_allow(db, benefits_analyst, start, to):
    benefit = BenefitFactory(status=start)
    with pytest.raises(ValidationError) as caught:
        services.benefit_transition(actor=benefits_analyst, benefit=benefit, to=to)
    assert "status" in caught.value.message_dict
    benefit.refresh_from_db()
    assert benefit.status == start


def test_only_a_realised_benefit_moves_to_business_as_usual(db, benefits_analyst, people_analyst):
    benefit = _baselined(benefits_analyst, people_analyst)
    services.benefit_transition(actor=benefits_analyst, benefit=benefit, to=BenefitStatus.TRACKING)
    with pytest.raises(ValidationError):
        services.benefit_transition(
            actor=benefits_analyst,
            benefit=benefit,
            to=BenefitStatus.NOT_REALISED,
            bau_date=date(2023, 4, 1),
        )
    services.benefit_transition(
        actor=benefits_analyst,
        benefit=benefit,
        to=BenefitStatus.PARTLY_REALISED,
        bau_date=date(2023, 4, 1),
    )
    assert Benefit.objects.get(pk=benefit.pk).bau_date == date(2023, 4, 1)


def test_a_rebaseline_keeps_the_previous_version(db, benefits_analyst, people_analyst):
    benefit = _baselined(benefits_analyst, people_analyst)
    first = benefit.baselines.get()
    services.profile_line_save(
        actor=benefits_analyst, benefit=benefit, financial_year="FY22/23", planned=Decimal("600")
    )
    second = services.benefit_rebaseline(
        actor=benefits_analyst,
        benefit=benefit,
        reason="Covid moved the estates timeline",
        approved_by=people_analyst,
        **{**BASELINE, "target_value": Decimal("3000")},
    )
    assert second.version == 2
    assert list(benefit.baselines.values_list("version", flat=True)) == [2, 1]
    kept = BaselineVersion.objects.get(pk=first.pk)
    assert (kept.target_value, kept.reason, kept.planned_profile) == (
        Decimal("5000"),
        "Initial baseline",
        {"FY22/23": "1000.00"},
    )
    assert second.planned_profile == {"FY22/23": "600.00"}
    assert second.approved_by == people_analyst
    benefit.refresh_from_db()
    assert benefit.target_value == Decimal("3000")
    assert "programmes.benefit.rebaselined" in _actions(benefit)


def test_a_rebaseline_needs_a_reason_and_a_baseline(db, benefits_analyst, people_analyst):
    benefit = _baselined(benefits_analyst, people_analyst)
    with pytest.raises(ValidationError) as caught:
        services.benefit_rebaseline(
            actor=benefits_analyst,
            benefit=benefit,
            reason=" ",
            approved_by=people_analyst,
            **BASELINE,
        )
    assert "reason" in caught.value.message_dict
    fresh = BenefitFactory()
    with pytest.raises(ValidationError):
        services.benefit_rebaseline(
            actor=benefits_analyst,
            benefit=fresh,
            reason="x",
            approved_by=people_analyst,
            **BASELINE,
        )
    assert BaselineVersion.objects.filter(benefit=benefit).count() == 1


def test_an_approved_baseline_version_cannot_be_changed(db, benefits_analyst, people_analyst):
    version = _baselined(benefits_analyst, people_analyst).baselines.get()
    version.reason = "rewritten"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        BaselineVersion.objects.filter(pk=version.pk).update(reason="rewritten")
    assert BaselineVersion.objects.get(pk=version.pk).reason == "Initial baseline"


def test_a_benefit_without_an_owner_is_refused(db, benefits_analyst, home_department):
    with pytest.raises(ValidationError) as caught:
        services.benefit_create(
            actor=benefits_analyst,
            reference="BEN-X",
            project=ProjectFactory(),
            description="Fewer discs",
            kind="benefit",
            benefit_class="cashable",
            owner=None,
            department=home_department,
            measure="Saving",
            unit="£",
        )
    assert "owner" in caught.value.message_dict
    assert "needs an owner" in caught.value.message_dict["owner"][0]
    assert not Benefit.objects.filter(reference="BEN-X").exists()


def test_a_financial_benefit_is_measured_in_pounds(db, benefits_analyst, home_department):
    with pytest.raises(ValidationError) as caught:
        services.benefit_create(
            actor=benefits_analyst,
            reference="BEN-Y",
            project=ProjectFactory(),
            description="Hours saved",
            kind="benefit",
            benefit_class="non_cashable",
            owner=benefits_analyst,
            department=home_department,
            measure="Hours",
            unit="hours",
        )
    assert "unit" in caught.value.message_dict


@pytest.mark.parametrize("label", ["FY22/24", "2022/23", "FY2022/23", "fy22/23", ""])
def test_a_financial_year_label_that_is_not_fynn_nn1_is_refused(db, benefits_analyst, label):
    project = ProjectFactory()
    with pytest.raises(ValidationError) as caught:
        services.financial_line_save(
            actor=benefits_analyst, project=project, financial_year=label, capital=Decimal("1")
        )
    assert "financial_year" in caught.value.message_dict
    assert not FinancialLine.objects.exists()
    benefit = BenefitFactory()
    with pytest.raises(ValidationError):
        services.profile_line_save(
            actor=benefits_analyst, benefit=benefit, financial_year=label, planned=Decimal("1")
        )
    assert not ProfileLine.objects.exists()


def test_a_non_numeric_amount_is_refused(db, benefits_analyst):
    project = ProjectFactory()
    with pytest.raises(ValidationError) as caught:
        services.financial_line_save(
            actor=benefits_analyst, project=project, financial_year="FY22/23", capital="lots"
        )
    assert "capital" in caught.value.message_dict
    assert not FinancialLine.objects.exists()


def test_negative_money_is_refused_by_the_database_too(db):
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FinancialLine.objects.create(
            project=project, financial_year="FY22/23", capital=Decimal("-1")
        )


def test_saving_a_year_twice_replaces_it(db, benefits_analyst):
    project = ProjectFactory()
    for amount in ("10", "20"):
        services.financial_line_save(
            actor=benefits_analyst,
            project=project,
            financial_year="FY23/24",
            recurring_costs=Decimal(amount),
        )
    line = FinancialLine.objects.get()
    assert line.recurring_costs == Decimal("20")
    assert _actions(line) == ["programmes.financial_line.saved"] * 2


def _review(actor, as_at=date(2021, 9, 30)):
    return services.benefits_review_take(actor=actor, title="ABR", as_at=as_at)


def test_a_review_snapshots_the_register_and_money(paper_tables, benefits_analyst, people_analyst):
    benefit = _baselined(benefits_analyst, people_analyst)
    review = _review(benefits_analyst)
    review.refresh_from_db()
    assert review.data["table_1"]["total"]["total"] == "1234425.00"
    assert review.data["table_2"]["total"]["total"] == "-468.28"
    (row,) = review.data["benefits"]
    assert (row["reference"], row["status"], row["baseline_version"]) == (
        benefit.reference,
        "Baselined",
        1,
    )
    assert "programmes.review.taken" in _actions(review)


def test_a_review_cannot_be_edited_or_deleted(db, benefits_analyst):
    review = _review(benefits_analyst)
    review.title = "Edited"
    with pytest.raises(ValidationError):
        review.save()
    with pytest.raises(ValidationError):
        review.delete()
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        BenefitsReview.objects.filter(pk=review.pk).update(title="Edited")
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        BenefitsReview.objects.filter(pk=review.pk).delete()
    assert BenefitsReview.objects.get(pk=review.pk).title == "ABR"


def test_a_review_keeps_what_the_register_said_then(db, benefits_analyst, people_analyst):
    from programmes.selectors import review_compare

    benefit = _baselined(benefits_analyst, people_analyst)
    before = _review(benefits_analyst, date(2021, 9, 30))
    services.benefit_transition(actor=benefits_analyst, benefit=benefit, to=BenefitStatus.TRACKING)
    BenefitFactory(reference="BEN-NEW")
    after = _review(benefits_analyst, date(2022, 9, 30))
    before.refresh_from_db()
    assert before.data["benefits"][0]["status"] == "Baselined"
    comparison = review_compare(a=before, b=after)
    changes = {row["reference"]: row["change"] for row in comparison["benefits"]}
    assert changes == {benefit.reference: "Status changed", "BEN-NEW": "Added"}
    services.benefit_rebaseline(
        actor=benefits_analyst,
        benefit=benefit,
        reason="Scope",
        approved_by=people_analyst,
        **BASELINE,
    )
    services.profile_line_save(
        actor=benefits_analyst, benefit=benefit, financial_year="FY23/24", planned=Decimal("5")
    )
    latest = _review(benefits_analyst, date(2023, 9, 30))
    changes = {
        row["reference"]: row["change"] for row in review_compare(a=after, b=latest)["benefits"]
    }
    assert changes[benefit.reference] == "Re-baselined; profile changed"
    assert comparison["changed"] == 2
    by_status = {row["status"]: (row["a"], row["b"]) for row in comparison["by_status"]}
    assert by_status["Tracking"] == (0, 1)
