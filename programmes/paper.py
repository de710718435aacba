"""The board paper's programmes, projects and figures (§57-64, Tables 1 and 2), as records to
load: the demo data and the tests build the registers from these and the selectors recompute
the paper's totals. Names are the paper's; "Smarter R", "NWoPC" and "Detained P" are cut short
in the paper itself and kept as printed (Detained Property is spelled out: §58f names it)."""

from decimal import Decimal

from people.models import Portfolio
from programmes.models import EfficiencyStatus, ProgrammeStatus

# The years Table 1 covers ("Cost & Benefits Summary - FY22/23 to FY26/27").
YEARS = ("FY22/23", "FY23/24", "FY24/25", "FY25/26", "FY26/27")
# How a programme's money is spread over those years (weights; the last year takes the rest).
YEAR_WEIGHTS = (30, 25, 20, 15, 10)

# programme, status, projects (name, short description), amounts over FY22/23..FY26/27 in
# pounds with benefits as positive savings.
TABLE_1 = [
    (
        "New Ways of Responding",
        ProgrammeStatus.CLOSED,
        [
            ("BWV P1/2", "Body worn video phases 1 and 2 for frontline officers."),
            ("Smarter R", "Named only in short in the paper's tables."),
        ],
        {"non_cashable_benefits": 3_300_000},
    ),
    (
        "New Ways of Contact",
        ProgrammeStatus.CLOSED,
        [("NWoPC", "Named only in short in the paper's Table 1.")],
        {"recurring_costs": 1_201_988},
    ),
    (
        "Our Data",
        ProgrammeStatus.LIVE,
        [
            ("Connect", "Core system consolidating nine legacy systems onto one platform."),
            ("DDI", "Data-Driven Insights: real-time intelligence for officers."),
            ("ControlWorks", "Logs every incident and call for service."),
        ],
        {
            "one_off_costs": 324_900,
            "cashable_benefits": 6_019_000,
            "recurring_costs": 19_017_855,
            "non_cashable_benefits": 124_000_000,
        },
    ),
    (
        "Estates",
        ProgrammeStatus.LIVE,
        [
            ("Estates", "Operational command and control centre and co-located teams."),
            ("Detained Property", "Detained property facilities."),
            ("Heritage", "The Force Museum and Heritage centre."),
        ],
        {
            "capital": 109_115_844,
            "one_off_costs": 22_885_289,
            "cashable_benefits": 7_121_306,
            "recurring_costs": 10_434_714,
            "non_cashable_benefits": 8_009_320,
        },
    ),
    (
        "Improving Investigations",
        ProgrammeStatus.LIVE,
        [
            ("E2E", "End to End Investigations Review."),
            ("Review Tool", "Web-based review of digital evidence from many sources."),
            ("DES", "Digital Evidence Store: secure storage and transfer of digital evidence."),
        ],
        {"cashable_benefits": 1_013_000, "recurring_costs": 1_327_284},
    ),
    (
        "Standalone",
        ProgrammeStatus.LIVE,
        [("BWV", "Body Worn Video phase 3: over 3,000 next-generation cameras.")],
        {"capital": 3_463_119, "recurring_costs": 5_926_058},
    ),
    (
        "PBB",
        ProgrammeStatus.LIVE,
        [("Priority Based Budgeting", "Cyclical review of every department's budget.")],
        {"cashable_benefits": 23_000_000},
    ),
]

LP, OPS, CRIME, SEC = (
    Portfolio.LOCAL_POLICING,
    Portfolio.OPERATIONS,
    Portfolio.CRIME,
    Portfolio.SECURITY,
)
D, IN = EfficiencyStatus.DELIVERED, EfficiencyStatus.IN_DELIVERY
# (programme, project, status, {portfolio: FTE freed}) - Table 2, stored positive.
TABLE_2 = [
    ("New Ways of Responding", "BWV P1/2", D, {LP: "11.00", OPS: "6.00"}),
    ("New Ways of Responding", "Smarter R", IN, {OPS: "33.00"}),
    ("Our Data", "Connect", IN, {CRIME: "71.00", LP: "139.00", OPS: "22.00", SEC: "10.00"}),
    ("Our Data", "DDI", IN, {CRIME: "65.00", LP: "50.00", OPS: "39.00"}),
    ("Our Data", "ControlWorks", IN, {LP: "2.44", OPS: "6.19", SEC: "2.65"}),
    ("Improving Investigations", "DES", IN, {CRIME: "5.00", OPS: "6.00"}),
]


def split(total: int, weights) -> list[Decimal]:
    """Split whole pounds by weights; the last share takes the remainder so the sum is exact."""
    weights = list(weights)
    parts = [total * w // sum(weights) for w in weights[:-1]]
    parts.append(total - sum(parts))
    return [Decimal(part) for part in parts]


def financial_lines():
    """(programme, project, year, {amount: Decimal}) rows that add up to Table 1 exactly."""
    for programme, _status, projects, amounts in TABLE_1:
        project_weights = [len(projects) - i + 1 for i in range(len(projects))]
        per_project = {
            name: dict(zip([p for p, _ in projects], split(total, project_weights), strict=True))
            for name, total in amounts.items()
        }
        for project, _description in projects:
            by_year = {
                name: split(int(per_project[name][project]), YEAR_WEIGHTS) for name in amounts
            }
            for index, year in enumerate(YEARS):
                yield programme, project, year, {name: by_year[name][index] for name in amounts}


def build_tables(*, actor, owner, department) -> dict:
    """Create the paper's programmes, projects, yearly money and FTE efficiencies through the
    services. Returns {(programme, project): Project}."""
    from programmes import services

    projects = {}
    for position, (programme_name, status, project_rows, _amounts) in enumerate(TABLE_1):
        programme = services.programme_create(
            actor=actor, name=programme_name, status=status, position=position
        )
        for index, (name, description) in enumerate(project_rows):
            projects[programme_name, name] = services.project_create(
                actor=actor,
                programme=programme,
                name=name,
                short_description=description,
                owner=owner,
                department=department,
                position=index,
            )
    for programme_name, project_name, year, amounts in financial_lines():
        services.financial_line_save(
            actor=actor,
            project=projects[programme_name, project_name],
            financial_year=year,
            **amounts,
        )
    for programme_name, project_name, status, cells in TABLE_2:
        for portfolio, fte in cells.items():
            services.fte_efficiency_save(
                actor=actor,
                project=projects[programme_name, project_name],
                portfolio=portfolio,
                status=status,
                fte=Decimal(fte),
            )
    return projects
