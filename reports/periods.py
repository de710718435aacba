"""Reporting periods: weeks (Monday to Sunday), calendar months, quarters, financial years."""

from datetime import date, timedelta

from core.periods import FinancialYear
from reports.registry import Period


def _week(day: date) -> Period:
    start = day - timedelta(days=day.weekday())
    end = start + timedelta(days=6)
    return Period(start, end, f"Week beginning {start:%d/%m/%Y}")


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _month(day: date) -> Period:
    start = day.replace(day=1)
    return Period(start, _month_end(day.year, day.month), f"{start:%B %Y}")


def _quarter(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = _month_end(day.year, first_month + 2)
    return Period(start, end, f"{start:%B} to {end:%B %Y}")


def _financial_year(day: date) -> Period:
    year = FinancialYear.containing(day)
    return Period(year.start, year.end, year.label)


KINDS = {
    "week": ("Weekly", _week),
    "month": ("Monthly", _month),
    "quarter": ("Quarterly", _quarter),
    "financial_year": ("Yearly (financial year)", _financial_year),
}


def containing(kind: str, day: date) -> Period:
    return KINDS[kind][1](day)


def latest_complete(kind: str, today: date) -> Period:
    """The most recent period of `kind` that has ended before `today`."""
    current = containing(kind, today)
    return containing(kind, current.start - timedelta(days=1))


def recent(kind: str, today: date, count: int = 8) -> list[Period]:
    """The current period and the `count - 1` before it, newest first."""
    periods = [containing(kind, today)]
    while len(periods) < count:
        periods.append(containing(kind, periods[-1].start - timedelta(days=1)))
    return periods


def from_key(kind: str, key: str) -> Period:
    """The period of `kind` written as "start:end"; ValueError unless it is exactly one."""
    start_text, _, end_text = (key or "").partition(":")
    start, end = date.fromisoformat(start_text), date.fromisoformat(end_text)
    period = containing(kind, start)
    if (period.start, period.end) != (start, end):
        raise ValueError(f"{key} is not a {kind} period.")
    return period
