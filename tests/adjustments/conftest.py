import pytest

from adjustments import services
from tests.adjustments.factories import PassportFactory


@pytest.fixture
def passport(db, colleague):
    """The colleague's draft passport."""
    return PassportFactory(owner=colleague)


@pytest.fixture
def shared_passport(passport, colleague):
    """The colleague's passport, shared with their line manager."""
    services.passport_consent_give(actor=colleague, passport=passport)
    return passport


@pytest.fixture
def submitted(passport, colleague):
    return services.passport_submit(actor=colleague, passport=passport)


@pytest.fixture
def taken(submitted, ra_officer):
    return services.passport_take(actor=ra_officer, passport=submitted)
