from datetime import date

import pytest

from core.disclosure import protect_table
from core.equality import DEFINITION_NOTES, MinorityDefinition
from reports import periods, registry, sections
from reports.registry import Period, ReportDefinitionError, Section, Table
from tests.reports.factories import workforce

QUARTER = Period(date(2026, 7, 1), date(2026, 9, 30), "Q")


def test_a_breakdown_by_a_protected_characteristic_must_go_through_disclosure_control():
    with pytest.raises(ReportDefinitionError):
        Table(
            caption="By sex",
            columns=["Sex", "n"],
            rows=[["F", 3]],
            by_protected_characteristic=True,
        )
    protected = protect_table(
        row_labels=["F", "M"], col_labels=["n"], counts=[[3], [40]], threshold=5
    )
    table = Table.from_protected(caption="By sex", row_heading="Sex", table=protected)
    assert table.rows[0] == ["F", "[c]"] and table.disclosure_applied
    assert 3 not in [v for line in table.rows + table.footer for v in line]


def test_a_board_level_report_refuses_individual_level_data():
    def names(period, parameters):
        table = Table(
            caption="Leavers", columns=["Name"], rows=[["A. Person"]], individual_level=True
        )
        return [Section("leavers", "Leavers", [table])]

    board = registry.ReportType(
        key="t-board",
        title="T",
        description="",
        audience="people_analyst",
        period_kind="month",
        sections=(names,),
        board_level=True,
    )
    with pytest.raises(ReportDefinitionError, match="board-level"):
        registry.build_sections(board, QUARTER, {})


def test_the_board_pack_follows_the_board_papers_order():
    assert [f.__name__ for f in sections.BOARD_PACK_SECTIONS] == [
        "force_strength",
        "police_officer_rank_view",
        "workforce_by_ethnic_group",
        "uplift",  # §8-9
        "retention",  # §10-12
        "welfare_cases_year",  # §13-15, §27-38
        "special_constables",  # §40
        "specials_recruited",  # §40
        "staff_disability",  # §41-47
        "performance_management",  # §48-51
        "promotions",  # §56
        "change_programmes",  # §57-70
    ]
    assert registry.get("board-pack").board_level


def test_periods_are_whole_weeks_months_quarters_and_financial_years():
    day = date(2026, 11, 28)
    assert periods.containing("week", day).start == date(2026, 11, 23)
    assert periods.latest_complete("quarter", day).key == "2026-07-01:2026-09-30"
    assert periods.latest_complete("financial_year", day).label == "FY25/26"
    assert periods.latest_complete("month", date(2026, 1, 3)).label == "December 2025"
    with pytest.raises(ValueError):
        periods.from_key("quarter", "2026-07-01:2026-09-29")


def test_representation_is_taken_on_1_january_of_each_of_the_last_five_years():
    assert sections.jan_firsts(QUARTER) == [date(y, 1, 1) for y in (2026, 2025, 2024, 2023, 2022)]


@pytest.mark.django_db
def test_force_strength_rebuilds_the_share_from_records_and_names_its_definition():
    workforce({("Asian or Asian British", "officer"): 6, ("White", "officer"): 18})
    workforce({("White", "officer"): 6}, start=date(2025, 6, 1))  # joined after 1 January 2025
    [section] = sections.force_strength(QUARTER, {"definition": MinorityDefinition.EMG})
    table = section.tables[0]
    officers = table.rows[0]
    assert officers[0] == "Police officer total"
    assert officers[1] == "20.0%"  # 6 of 30 on 1 January 2026
    assert officers[2] == "25.0%"  # 6 of 24 on 1 January 2025
    assert DEFINITION_NOTES[MinorityDefinition.EMG] in section.notes
    assert "[c]" in section.notes[1]
    assert table.chart.series["Police officer total"][-2:] == [25.0, 20.0]
    assert "Every figure is in the table" in table.chart.alt


@pytest.mark.django_db
def test_a_small_share_is_hidden_in_the_table_and_left_out_of_the_chart():
    workforce(
        {
            ("Black, Black British, Caribbean or African", "pcso"): 2,
            ("White", "pcso"): 30,
            ("Asian or Asian British", "officer"): 6,
            ("White", "officer"): 20,
        }
    )
    [section] = sections.force_strength(QUARTER, {})
    pcso = next(line for line in section.tables[0].rows if line[0] == "PCSO total")
    assert pcso[1:] == ["[c]"] * 5
    assert "PCSO total" not in section.tables[0].chart.series
    assert section.tables[0].chart.series["Force total"][-1] == 13.8  # 8 of 58
