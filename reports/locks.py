"""One builder per run at a time, across every worker machine.

On PostgreSQL a session-level advisory lock keyed by the run id: it is held on the worker's
database connection, so when a worker is killed the server drops the connection and the lock
goes with it, and a redelivered task can take over at once. SQLite (a laptop, tasks inline)
has one process, so no lock is needed there.
"""

from contextlib import contextmanager

from django.db import connection

NAMESPACE = 8008  # first key of the two-key advisory lock: "report runs"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


@contextmanager
def run_lock(run_id: int):
    """Yield True when this process now builds `run_id`, False when another one is."""
    if not _postgres():
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, run_id])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, run_id])


def being_built(run_id: int) -> bool:
    """True when some process holds the run's lock (is building it right now)."""
    with run_lock(run_id) as got:
        return not got
