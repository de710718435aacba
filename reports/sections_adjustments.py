"""Reasonable adjustments sections (board paper §41-47) and the monthly service levels, read
only from `adjustments.selectors`' figures. Counts only: no passport, person or adjustment
is named."""

from adjustments import selectors
from core.periods import FinancialYear
from reports.registry import Period, Section, Table


def _days(value) -> str:
    return "" if value is None else f"{value:g}"


def _money(value) -> str:
    return f"£{value:,.2f}"


def service_table(period: Period) -> Table:
    days = selectors.days_to_in_place(start=period.start, end=period.end)
    decline = selectors.decline_rate(start=period.start, end=period.end)
    rate = "" if decline["rate"] is None else f"{decline['rate']:.1%}"
    return Table(
        caption="Passports and adjustments",
        columns=["Measure", "Value"],
        rows=[
            ["Active passports (submitted, in review or active)", selectors.active_passports()],
            ["Passports past their review date", selectors.reviews_overdue(on=period.end).count()],
            ["Adjustments put in place in the period", days["count"]],
            ["Median days from request to in place", _days(days["median"])],
            ["90th percentile days from request to in place", _days(days["p90"])],
            ["Adjustments decided in the period", decline["decided"]],
            ["Declined", decline["declined"]],
            ["Decline rate", rate],
        ],
    )


def dyslexia_table(period: Period) -> Table:
    funnel = selectors.dyslexia_funnel(start=period.start, end=period.end)
    labels = [
        ("sent", "Self-referral forms sent to joiners"),
        ("declined", "Declined"),
        ("returned", "Returned"),
        ("assessed", "Screened or assessed"),
        ("assessed_before_joining", "Assessed before the joiner's start date"),
        ("risk_assessed_before_start", "Risk assessment done by the start date"),
    ]
    return Table(
        caption="Dyslexia self-referral (forms sent in the period)",
        columns=["Stage", "Joiners"],
        rows=[[label, funnel[key]] for key, label in labels],
    )


def access_to_work_table(period: Period) -> Table:
    year = FinancialYear.containing(period.end)
    spend = selectors.spend(year=year)
    return Table(
        caption=f"Access to Work and force spend, financial year {year.label}",
        columns=["Funding", "Amount"],
        rows=[
            ["Access to Work awards made", _money(spend["access_to_work"])],
            ["Force-funded adjustments put in place", _money(spend["force_adjustments"])],
            ["Employer shares of Access to Work awards", _money(spend["employer_share"])],
        ],
        footer=[["Force spend", _money(spend["force"])]],
    )


def staff_disability(period: Period, parameters: dict) -> list[Section]:
    """Board paper §41-47: passports, days to in place, declines, dyslexia, Access to Work."""
    tables = [service_table(period), dyslexia_table(period), access_to_work_table(period)]
    decline = selectors.decline_rate(start=period.start, end=period.end)
    if decline["reasons"]:
        tables.insert(
            1,
            Table(
                caption="Declined adjustments by reason",
                columns=["Reason", "Declined"],
                rows=[[label, n] for label, n in decline["reasons"]],
            ),
        )
    notes = [
        "Days to in place are calendar days from the request to the date the adjustment was "
        "put in place, for adjustments put in place in the period.",
        "Access to Work spend covers the financial year containing the period's last day.",
        "Counts of colleagues with a passport or a referral are not broken down by any "
        "characteristic, and name nobody.",
    ]
    return [Section("adjustments", "Staff disability arrangements", tables, notes=notes)]
