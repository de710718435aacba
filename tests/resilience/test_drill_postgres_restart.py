"""Drill 3: PostgreSQL restarted under load: requests during the restart get the friendly 503,
every request after it succeeds, and gunicorn's workers are the same processes throughout.

It restarts this machine's cluster (pg_ctlcluster), so it runs alone after the main suite,
waits until no other client is connected, and starts the cluster again if anything fails."""

import subprocess
import time

import pytest
from django.db import connection, connections

from tests.resilience.browsing import Browsing, cast_for_drills
from tests.resilience.stack import say, wait_until

pytestmark = pytest.mark.resilience
CLUSTER = ["15", "main"]
QUIET_WAIT = 180


def _ctl(action: str) -> None:
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER, action]
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603


def _postgres_up() -> bool:
    result = subprocess.run(
        ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"],  # noqa: S607
        check=False,
        timeout=10,
    )
    return result.returncode == 0


def _others_connected() -> list[str]:
    """Client connections to databases other than this drill's: someone else's work."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT datname FROM pg_stat_activity WHERE backend_type = 'client backend'"
            " AND datname IS DISTINCT FROM current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def _wait_for_quiet() -> None:
    try:
        wait_until(lambda: not _others_connected(), timeout=QUIET_WAIT, every=2, what="quiet")
    except AssertionError:
        raise AssertionError(
            f"Other clients stay connected to PostgreSQL ({_others_connected()}); "
            "drill 3 restarts the cluster, so it only runs when nothing else is using it."
        ) from None


def test_drill_3_postgres_restart_gives_503_then_recovers_without_restarts(stack):
    users = cast_for_drills()
    stack.start_web(workers=2, threads=4)
    pids = stack.web_worker_pids()
    _wait_for_quiet()
    browsing = Browsing(stack, users).start()
    time.sleep(3)
    try:
        connections.close_all()
        down = time.monotonic()
        _ctl("restart")
        wait_until(_postgres_up, timeout=60, what="PostgreSQL back")
        up = time.monotonic()
        time.sleep(10)
    finally:
        browsing.stop()
        if not _postgres_up():
            _ctl("start")
            wait_until(_postgres_up, timeout=60, what="PostgreSQL restored")
        connections.close_all()
    before, during, after = browsing.phases(down, up)
    say(
        f"drill 3: PostgreSQL restart took {up - down:.1f} s; answers before {dict(before)}, "
        f"during {dict(during)}, after {dict(after)}; gunicorn workers {sorted(pids)} -> "
        f"{sorted(stack.web_worker_pids())}"
    )
    assert set(before) == {200}
    assert set(during) <= {200, 503} and during[503] > 0
    assert sum(after.values()) > 0 and set(after) == {200}
    assert stack.web_worker_pids() == pids and stack.processes["web"].poll() is None
