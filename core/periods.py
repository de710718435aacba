"""Financial and performance years run 1 April to 31 March and are labelled FY22/23."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

FY_LABEL = re.compile(r"^FY(\d{2})/(\d{2})$")


@dataclass(frozen=True, order=True)
class FinancialYear:
    start_year: int

    @classmethod
    def containing(cls, day: date) -> "FinancialYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def from_label(cls, label: str) -> "FinancialYear":
        """Parse "FY22/23"; raise ValidationError for anything else (FY22/24, 2022/23...)."""
        match = FY_LABEL.match((label or "").strip())
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise ValidationError(
                "Write the financial year as FY followed by two consecutive years, like FY22/23.",
                code="fy_label",
            )
        return cls(2000 + int(match[1]))

    @property
    def label(self) -> str:
        return f"FY{self.start_year % 100:02d}/{(self.start_year + 1) % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def validate_fy_label(value: str) -> None:
    FinancialYear.from_label(value)


def is_working_day(day: date, holidays: frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: frozenset[date] = frozenset()) -> date:
    """The date `days` working days after `start` (weekends and `holidays` skipped)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, holidays: frozenset[date] = frozenset()) -> int:
    """Working days after `start` up to and including `end`; 0 when end is not after start."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            count += 1
    return count
