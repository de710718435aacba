import pytest

from people.models import EntryRoute
from tests.recruitment.factories import StageFactory


@pytest.fixture
def pcda_stages(db):
    """The PCDA pipeline: sift and assessment centre carry scores; vetting is outcome only."""
    return [
        StageFactory(route=EntryRoute.PCDA, name="Online sift", order=1, scored=True),
        StageFactory(route=EntryRoute.PCDA, name="Assessment centre", order=2, scored=True),
        StageFactory(route=EntryRoute.PCDA, name="Vetting", order=3, scored=False),
    ]
