"""Fixtures for the resilience drills (run serially after the main suite: `make test`)."""

import pytest
from django.db import connections

from tests.resilience.stack import Stack
from tests.welfare.conftest import case, on_probation  # noqa: F401 (fixtures for welfare cases)


@pytest.fixture
def stack(transactional_db, tmp_path):
    """A Redis of the drill's own, started; gunicorn, workers and beat are started by the
    drill as it needs them. Everything is stopped afterwards."""
    processes = Stack(tmp_path)
    processes.start_redis()
    try:
        yield processes
    finally:
        processes.stop_all()
        connections.close_all()
