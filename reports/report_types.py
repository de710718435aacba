"""The report types Peel offers. Imported from ReportsConfig.ready().

Each reads only the apps' selectors and figures modules (see docs/REPORTS.md for what each
holds, its audience and schedule).
"""

from core.equality import MinorityDefinition
from people.roles import Role
from reports import (
    sections,
    sections_adjustments,
    sections_performance,
    sections_programmes,
    sections_recruitment,
    sections_welfare,
)
from reports.registry import Option, ReportType, register

DEFINITION = Option(
    label="Definition of ethnic minority",
    choices=tuple((str(value), label) for value, label in MinorityDefinition.choices),
    default=str(MinorityDefinition.EMG),
)

BOARD_PACK = register(
    ReportType(
        key="board-pack",
        title="People and Change board pack",
        description=(
            "The sections of the People and Change paper to the policing and crime board that "
            "Peel holds, in the paper's order. Aggregate figures only."
        ),
        audience=Role.PEOPLE_ANALYST,
        run_roles=(Role.PEOPLE_ANALYST,),
        period_kind="quarter",
        sections=sections.BOARD_PACK_SECTIONS,
        board_level=True,
        options={"definition": DEFINITION},
        # 06:00 on the 5th day after each quarter ends, so late records are in.
        schedule={"minute": "0", "hour": "6", "day_of_month": "5", "month_of_year": "1,4,7,10"},
    )
)

WORKFORCE = register(
    ReportType(
        key="workforce-representation",
        title="Workforce representation",
        description=(
            "Ethnic minority share by staff type and by rank as at 1 January of the last five "
            "years, and the headcount by ethnic group behind it."
        ),
        audience=Role.PEOPLE_ANALYST,
        run_roles=(Role.PEOPLE_ANALYST,),
        period_kind="month",
        sections=sections.WORKFORCE_SECTIONS,
        board_level=True,
        options={"definition": DEFINITION},
        schedule={"minute": "30", "hour": "6", "day_of_month": "2", "month_of_year": "*"},
    )
)

RECRUITMENT_PIPELINE = register(
    ReportType(
        key="recruitment-pipeline",
        title="Weekly recruitment pipeline",
        description=(
            "EOIs by channel, the funnel by route and by ethnic group with relative rates, and "
            "intakes starting in the week. Aggregate figures only."
        ),
        audience=Role.RECRUITMENT_OFFICER,
        run_roles=(Role.RECRUITMENT_OFFICER,),
        period_kind="week",
        sections=(sections_recruitment.pipeline_week,),
        # Monday 06:00, for the week that ended on Sunday.
        schedule={"minute": "0", "hour": "6", "day_of_week": "1"},
    )
)

WELFARE_RETENTION = register(
    ReportType(
        key="welfare-retention",
        title="Monthly welfare and retention",
        description=(
            "Retention by entry route during probation, leavers by theme and length of "
            "service, welfare cases by outcome and days to first contact."
        ),
        audience=Role.WELFARE_OFFICER,
        run_roles=(Role.WELFARE_OFFICER,),
        period_kind="month",
        sections=(sections_welfare.retention, sections_welfare.welfare_cases),
        options={"definition": DEFINITION},
        schedule={"minute": "0", "hour": "7", "day_of_month": "2", "month_of_year": "*"},
    )
)

ADJUSTMENTS_SERVICE = register(
    ReportType(
        key="adjustments-service",
        title="Monthly adjustments service levels",
        description=(
            "Active passports, reviews overdue, days from request to in place, declines, the "
            "dyslexia self-referral funnel and Access to Work spend."
        ),
        audience=Role.RA_OFFICER,
        run_roles=(Role.RA_OFFICER,),
        period_kind="month",
        sections=(sections_adjustments.staff_disability,),
        schedule={"minute": "15", "hour": "7", "day_of_month": "2", "month_of_year": "*"},
    )
)

PERFORMANCE_FAIRNESS = register(
    ReportType(
        key="performance-fairness",
        title="Performance cycle completion and moderation fairness",
        description=(
            "Objectives set and year-end conversations completed, rating distributions before "
            "and after moderation, and fairness by sex, ethnicity and disability. Also queued "
            "when a moderation panel closes."
        ),
        audience=Role.PEOPLE_ANALYST,
        run_roles=(Role.PEOPLE_ANALYST,),
        period_kind="financial_year",
        sections=(sections_performance.cycle_and_fairness,),
        board_level=True,
        # Year end: 06:45 on 15 April, once late year-end reviews are in.
        schedule={"minute": "45", "hour": "6", "day_of_month": "15", "month_of_year": "4"},
    )
)

BENEFITS_POSITION = register(
    ReportType(
        key="benefits-position",
        title="Quarterly benefits position",
        description=(
            "Table 1 (cost and benefit by programme and project), planned against actual by "
            "year, benefits by department and Table 2 (FTE by portfolio)."
        ),
        audience=Role.BENEFITS_ANALYST,
        run_roles=(Role.BENEFITS_ANALYST,),
        period_kind="quarter",
        sections=(sections_programmes.benefits_position,),
        board_level=True,
        schedule={"minute": "15", "hour": "6", "day_of_month": "5", "month_of_year": "1,4,7,10"},
    )
)
