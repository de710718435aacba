from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.periods import FinancialYear, add_working_days, working_days_between


def test_it_labels_financial_years_april_to_march():
    assert FinancialYear.containing(date(2022, 3, 31)).label == "FY21/22"
    assert FinancialYear.containing(date(2022, 4, 1)).label == "FY22/23"
    fy = FinancialYear.from_label("FY99/00")
    assert (fy.start, fy.end) == (date(2099, 4, 1), date(2100, 3, 31))


@pytest.mark.parametrize("label", ["FY22/24", "2022/23", "FY2022/23", "fy22/23", ""])
def test_it_refuses_a_label_that_is_not_consecutive_years(label):
    with pytest.raises(ValidationError, match="like FY22/23"):
        FinancialYear.from_label(label)


def test_it_counts_working_days_skipping_weekends():
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 2) == date(2026, 12, 1)
    assert working_days_between(friday, date(2026, 12, 1)) == 2
    assert working_days_between(friday, friday) == 0
