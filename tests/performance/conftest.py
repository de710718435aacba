import pytest

from performance.models import Phase
from tests.performance.factories import make_panel, make_year


@pytest.fixture
def year(db):
    return make_year(Phase.YEAR_END)


@pytest.fixture
def panel(year, home_department, moderator):
    return make_panel(year, home_department, [moderator])
