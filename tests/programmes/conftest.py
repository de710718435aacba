import pytest

from programmes import paper
from tests.factories import DepartmentFactory


@pytest.fixture
def paper_tables(benefits_analyst):
    """The board paper's programmes, projects, money and FTE built through the services."""
    department = DepartmentFactory(name="Change and Transformation")
    return paper.build_tables(actor=benefits_analyst, owner=benefits_analyst, department=department)
