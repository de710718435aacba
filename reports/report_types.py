"""The report types Peel offers today. Imported from ReportsConfig.ready().

Only reports whose figures come from selectors on main are registered; the periodic summaries
for the five apps are listed in docs/REPORTS.md with the selectors they will read.
"""

from core.equality import MinorityDefinition
from people.roles import Role
from reports import sections
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
