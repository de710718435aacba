"""The five apps wired into the reports: each periodic summary built from records, a figure
checked; the board pack's sections in the paper's order; a closed panel queues its report."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from adjustments.models import Adjustment
from core.models import OutboxMessage
from people.models import EntryRoute, User
from performance import services as performance_services
from performance.models import Phase
from recruitment.models import Channel
from reports import periods, registry, services, tasks
from reports.content import build_content
from reports.models import ReportRun, RequestedVia
from tests.adjustments.factories import AdjustmentFactory
from tests.factories import UserFactory
from tests.performance.factories import decide, make_panel, make_rating, make_year, set_phase
from tests.programmes.factories import FinancialLineFactory, ProjectFactory
from tests.recruitment.factories import EOIFactory
from tests.welfare.factories import student_officer

pytestmark = pytest.mark.django_db


def _build(key: str, period) -> dict:
    report_type = registry.get(key)
    return build_content(report_type, period, report_type.clean_parameters({}))


def _table(content: dict, caption_start: str) -> dict:
    return next(
        table
        for section in content["sections"]
        for table in section["tables"]
        if table["caption"].startswith(caption_start)
    )


def _rows(table: dict) -> dict:
    return {line[0]: line[1:] for line in table["rows"] + table["footer"]}


def test_the_weekly_recruitment_pipeline_counts_eois_by_channel():
    week = periods.containing("week", date(2026, 3, 4))  # Monday 2 to Sunday 8 March
    for day, channel in [(2, Channel.WEB)] * 3 + [(5, Channel.AMBASSADOR)] * 2:
        EOIFactory(received_on=date(2026, 3, day), source__channel=channel)
    EOIFactory(received_on=date(2026, 3, 9), source__channel=Channel.WEB)  # the next week
    content = _build("recruitment-pipeline", week)
    table = _table(content, "Expressions of interest by channel")
    assert _rows(table) == {"Web": [3], "Ambassador": [2], "Total": [5]}
    assert table["chart"]["alt"].startswith("Bar chart of EOIs captured by channel")
    funnel = _table(content, "Funnel by ethnic group")
    assert funnel["by_protected_characteristic"] and funnel["disclosure_applied"]
    assert _rows(funnel)["EOI"] == [0, 0, 5, 5]  # nobody declared: ethnic minority, White
    # British, not declared, total


def _students(route, n, leavers, start=date(2024, 9, 2)):
    officers = [student_officer(route=route, start_date=start) for _ in range(n)]
    User.objects.filter(pk__in=[o.pk for o in officers[:leavers]]).update(
        leave_date=start + timedelta(days=120)
    )


def test_the_monthly_welfare_report_builds_retention_by_route_from_records():
    _students(EntryRoute.DHEP, 10, 1)
    _students(EntryRoute.PCDA, 8, 2)
    month = periods.containing("month", date(2026, 10, 15))
    table = _table(_build("welfare-retention", month), "Retention by entry route")
    assert _rows(table) == {
        "PCDA": [8, 2, "75.0%"],
        "DHEP": [10, 1, "90.0%"],
        "Total": [18, 3, "83.3%"],  # summed from the rows, never copied
    }
    assert table["chart"]["alt"].startswith("Bar chart of the share of student officers")


def test_the_monthly_adjustments_report_measures_days_to_in_place():
    for days in (10, 20, 25):
        AdjustmentFactory(
            requested_on=date(2026, 9, 1),
            decided_on=date(2026, 9, 2),
            in_place_on=date(2026, 9, 1) + timedelta(days=days),
            status=Adjustment.Status.IN_PLACE,
        )
    month = periods.containing("month", date(2026, 9, 1))
    rows = _rows(_table(_build("adjustments-service", month), "Passports and adjustments"))
    assert rows["Adjustments put in place in the period"] == [3]
    assert rows["Median days from request to in place"] == ["20"]


def _rated_department(year, home_department, n=6):
    manager = UserFactory(department=home_department)
    people = [UserFactory(department=home_department, line_manager=manager) for _ in range(n)]
    return [make_rating(p, year, what="achieved") for p in people]


def test_the_performance_report_shows_the_distribution_before_and_after_moderation(
    home_department,
):
    year = make_year(Phase.MODERATION, start_year=2025)
    ratings = _rated_department(year, home_department)
    panel = make_panel(year, home_department)
    decide(ratings[0], panel, what="exceeded")
    content = _build("performance-fairness", periods.containing("financial_year", date(2025, 4, 1)))
    rows = _rows(_table(content, "'What' (objectives and role) rating distribution"))
    assert rows["Achieved"] == [6, 0] and rows["Exceeded"] == [0, 1]
    assert rows["Total"] == [6, 1]
    assert _table(content, "'What' ratings before moderation by sex")["disclosure_applied"]


def test_closing_a_panel_queues_that_years_fairness_report(moderator, home_department):
    year = make_year(Phase.MODERATION, start_year=2025)
    ratings = _rated_department(year, home_department, n=2)
    panel = make_panel(year, home_department, members=[moderator])
    for rating in ratings:
        decide(rating, panel)
    set_phase(year, Phase.MODERATION)
    performance_services.moderation_panel_close(actor=moderator, panel=panel)
    message = OutboxMessage.objects.get(task="reports.performance_panel_closed")
    assert message.args == [2025]
    run_id = tasks.performance_panel_closed.apply(args=message.args).get()
    run = ReportRun.objects.get(pk=run_id)
    assert (run.report_type, run.period_start, run.period_end) == (
        "performance-fairness",
        date(2025, 4, 1),
        date(2026, 3, 31),
    )
    assert run.requested_via == RequestedVia.SCHEDULE
    again, queued = services.panel_closed_run_queue(start_year=2025)
    assert again.pk == run.pk and not queued  # still queued: left to finish, not doubled


def test_the_benefits_position_shows_benefits_negative_in_table_1():
    project = ProjectFactory(name="Connect")
    FinancialLineFactory(
        project=project,
        capital=Decimal("1000"),
        cashable_benefits=Decimal("400"),
        non_cashable_benefits=Decimal("100"),
    )
    quarter = periods.containing("quarter", date(2026, 8, 1))
    content = _build("benefits-position", quarter)
    rows = _rows(_table(content, "Table 1"))
    # capital, one-off, cashable (negative), recurring, non-cashable (negative), total
    assert rows["Project: Connect"] == [1000, 0, -400, 0, -100, 500]
    assert rows["Grand total"] == [1000, 0, -400, 0, -100, 500]
    assert any("benefits (savings) as negative" in n for n in content["sections"][0]["notes"])


def test_the_board_pack_holds_every_apps_section_in_the_papers_order(home_department):
    EOIFactory(received_on=date(2026, 8, 3), source__channel=Channel.SOCIAL)
    _students(EntryRoute.DHEP, 6, 1)
    year = make_year(Phase.MODERATION, start_year=2025)
    _rated_department(year, home_department, n=3)
    FinancialLineFactory(capital=Decimal("10"))
    quarter = periods.containing("quarter", date(2026, 8, 1))
    content = _build("board-pack", quarter)
    keys = [s["key"] for s in content["sections"]]
    assert keys == [
        "force-strength",
        "rank-view",
        "ethnic-group",
        "uplift",
        "retention",
        "welfare",
        "specials",
        "adjustments",
        "performance",
        "programmes",
    ]  # no specials intake and no promotion process: those sections have nothing to say
    performance = next(s for s in content["sections"] if s["key"] == "performance")
    assert "FY25/26" in performance["tables"][0]["caption"]  # the last finished cycle
    tables = [t for s in content["sections"] for t in s["tables"]]
    assert not any(t["individual_level"] for t in tables)
    assert all(t["chart"]["alt"] for t in tables if t["chart"])
