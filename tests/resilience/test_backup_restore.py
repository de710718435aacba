"""The tested restore: pg_dump the test data, restore it into a fresh database, and the same
row counts and the same report (built by the reports engine) come out of both."""

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from tests.resilience.stack import ROOT, database_url, say

pytestmark = pytest.mark.resilience
REPORT = ("board-pack", "2026-07-01:2026-09-30")


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)  # noqa: S603


def _counts(url: str) -> dict[str, int]:
    """Rows in every table of the database at `url`."""
    sql = (
        "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename),"
        " ' UNION ALL ') FROM pg_tables WHERE schemaname = 'public'"
    )
    union = _run(["psql", url, "-tAc", sql]).stdout.strip()
    rows = _run(["psql", url, "-tA", "-F", "\t", "-c", union]).stdout.split("\n")
    return {name: int(n) for name, n in (r.split("\t") for r in rows if r)}


def _report(url: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    script = [sys.executable, "scripts/report_fingerprint.py", *REPORT]
    return _run(script, cwd=ROOT, env=env).stdout


def _seed() -> None:
    from people import demo as people_demo
    from recruitment import demo as recruitment_demo

    people_demo.seed()
    recruitment_demo.seed()


def test_a_dump_restored_into_a_fresh_database_gives_the_same_counts_and_report(
    transactional_db, tmp_path
):
    _seed()
    source = database_url()
    restored_name = f"{connection.settings_dict['NAME']}_restored"
    restored = source.rsplit("/", 1)[0] + "/" + restored_name
    server = source.rsplit("/", 1)[0] + "/postgres"
    dump = tmp_path / "peel.dump"
    started = time.monotonic()
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source])
    dumped = time.monotonic()
    _run(["psql", server, "-c", f'DROP DATABASE IF EXISTS "{restored_name}"'])
    _run(["psql", server, "-c", f'CREATE DATABASE "{restored_name}"'])
    try:
        _run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump)])
        restored_at = time.monotonic()
        counts, counts_after = _counts(source), _counts(restored)
        report, report_after = _report(source), _report(restored)
    finally:
        _run(["psql", server, "-c", f'DROP DATABASE IF EXISTS "{restored_name}"'])
    say(
        f"backup: dump {dump.stat().st_size // 1024} KiB in {dumped - started:.1f} s, restore "
        f"in {restored_at - dumped:.1f} s; {len(counts)} tables, {sum(counts.values())} rows "
        f"(colleagues {counts['people_user']}, EOIs {counts['recruitment_expressionofinterest']}"
        f"); report {REPORT[0]} {len(report)} bytes, identical: {report == report_after}"
    )
    assert counts == counts_after and counts["people_user"] > 100
    assert report == report_after and '"sections"' in report
