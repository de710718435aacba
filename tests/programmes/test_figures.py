"""The board paper's Tables 1 and 2 rebuilt from records, and the benefit figures."""

from decimal import Decimal

import pytest

from programmes import selectors, services
from programmes.models import BenefitClass, BenefitKind, BenefitStatus, ProgrammeStatus
from tests.programmes.factories import BenefitFactory, ProfileLineFactory


def test_table_1_rebuilt_from_records_gives_the_papers_grand_totals(paper_tables, benefits_analyst):
    table = selectors.table_1(user=benefits_analyst, first_year="FY22/23", last_year="FY26/27")
    total = table["total"]
    assert total["capital"] == Decimal("112578963")
    assert total["one_off_costs"] == Decimal("23210189")
    assert total["cashable_benefits"] == Decimal("-37153306")
    assert total["recurring_costs"] == Decimal("37907899")
    assert total["non_cashable_benefits"] == Decimal("-135309320")
    assert total["total"] == Decimal("1234425")


def test_table_1_rows_match_the_paper_with_benefits_negative(paper_tables, benefits_analyst):
    table = selectors.table_1(user=benefits_analyst)
    assert [group["label"] for group in table["groups"]] == ["Programmes closed", "Live programmes"]
    rows = {row["programme"]: row for group in table["groups"] for row in group["rows"]}
    assert rows["Our Data"]["total"] == Decimal("-110676245")
    assert rows["Our Data"]["projects"] == "Connect, DDI, ControlWorks"
    assert rows["Estates"]["total"] == Decimal("127305221")
    assert rows["Improving Investigations"]["total"] == Decimal("314284")
    assert rows["Standalone"]["total"] == Decimal("9389177")
    assert rows["PBB"]["cashable_benefits"] == Decimal("-23000000")
    assert rows["New Ways of Responding"]["total"] == Decimal("-3300000")
    assert rows["New Ways of Contact"]["status"] == ProgrammeStatus.CLOSED


def test_table_1_keeps_to_the_years_asked_for(paper_tables, benefits_analyst):
    project = paper_tables["Standalone", "BWV"]
    services.financial_line_save(
        actor=benefits_analyst, project=project, financial_year="FY21/22", capital=Decimal("999")
    )
    in_range = selectors.table_1(user=benefits_analyst, first_year="FY22/23", last_year="FY26/27")
    every_year = selectors.table_1(user=benefits_analyst)
    assert in_range["total"]["capital"] == Decimal("112578963")
    assert every_year["total"]["capital"] == Decimal("112579962")


def test_table_2_rebuilt_from_records_gives_the_papers_totals(paper_tables, benefits_analyst):
    table = selectors.table_2(user=benefits_analyst)
    delivered, in_delivery = table["groups"]
    assert delivered["label"] == "Delivered"
    assert delivered["total"]["total"] == Decimal("-17.00")
    assert in_delivery["total"]["total"] == Decimal("-451.28")
    assert table["total"]["total"] == Decimal("-468.28")
    assert table["total"]["cells"] == {
        "crime": Decimal("-141.00"),
        "dcc": Decimal("0"),
        "local_policing": Decimal("-202.44"),
        "operations": Decimal("-112.19"),
        "security": Decimal("-12.65"),
    }
    labels = [row["label"] for row in in_delivery["rows"]]
    assert labels[0] == "New Ways of Responding - Smarter R"
    assert "Our Data - ControlWorks" in labels


def test_figures_are_empty_for_a_colleague_without_a_reading_role(paper_tables, colleague):
    assert selectors.table_1(user=colleague)["groups"] == []
    assert selectors.table_2(user=colleague)["total"]["total"] == 0


def _benefit(department, planned, actual=None, **extra):
    benefit = BenefitFactory(department=department, **extra)
    ProfileLineFactory(benefit=benefit, financial_year="FY22/23", planned=planned, actual=actual)
    return benefit


def test_share_of_benefits_by_department(db, benefits_analyst, home_department, other_department):
    for _ in range(3):
        _benefit(home_department, Decimal("100"))
    _benefit(other_department, Decimal("50"))
    _benefit(other_department, Decimal("70"), status=BenefitStatus.WITHDRAWN)
    _benefit(
        other_department,
        Decimal("5"),
        benefit_class=BenefitClass.NON_FINANCIAL,
        unit="%",
    )
    result = selectors.share_by_department(user=benefits_analyst)
    rows = {row["department"]: row for row in result["rows"]}
    assert result["total"] == 5
    assert rows[home_department.name]["share"] == pytest.approx(0.6)
    assert rows[other_department.name]["benefits"] == 2
    assert rows[home_department.name]["planned"] == Decimal("300")
    assert rows[other_department.name]["planned"] == Decimal("50")


def test_planned_against_actual_by_year_counts_dis_benefits_against(db, benefits_analyst):
    good = BenefitFactory()
    ProfileLineFactory(benefit=good, financial_year="FY22/23", planned=1000, actual=800)
    ProfileLineFactory(benefit=good, financial_year="FY23/24", planned=2000, forecast=2100)
    bad = BenefitFactory(kind=BenefitKind.DIS_BENEFIT)
    ProfileLineFactory(benefit=bad, financial_year="FY22/23", planned=100, actual=150)
    unmeasured = BenefitFactory(benefit_class=BenefitClass.NON_FINANCIAL, unit="surveys")
    ProfileLineFactory(benefit=unmeasured, financial_year="FY22/23", planned=99999)
    result = selectors.planned_against_actual(user=benefits_analyst)
    first, second = result["rows"]
    assert first["financial_year"] == "FY22/23"
    assert (first["planned"], first["actual"], first["variance"]) == (900, 650, -250)
    assert second["actual"] is None and second["variance"] is None
    assert result["total"]["planned"] == Decimal("2900")


def test_table_1_breaks_each_programme_down_by_project(paper_tables, benefits_analyst):
    table = selectors.table_1(user=benefits_analyst)
    rows = {row["programme"]: row for group in table["groups"] for row in group["rows"]}
    projects = rows["Our Data"]["project_rows"]
    assert [p["project"] for p in projects] == ["Connect", "DDI", "ControlWorks"]
    for name in ("capital", "one_off_costs", "cashable_benefits", "total"):
        assert sum(p[name] for p in projects) == rows["Our Data"][name]
    assert projects[0]["non_cashable_benefits"] < 0
