"""Drill 5: `manage.py import_data` SIGKILLed half way through writing: nothing is kept, and
running it again imports every row."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from people.models import EmploymentRecord, User
from tests.factories import DepartmentFactory
from tests.resilience.stack import ROOT, database_url, say, wait_until

pytestmark = pytest.mark.resilience
ROWS = 20_000
APP_NAME = "peel-import-drill"
HEADINGS = (
    "Staff number,First name,Last name,Email,Person type,Rank or grade,Department,"
    "Line manager staff number,Entry route,Start date"
)


def _write_file(path, department) -> None:
    lines = [HEADINGS]
    lines += [
        f"DR{n:06d},Alex,Drill{n},,Police staff,Grade D,{department},,,01/04/2020"
        for n in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n")


def _import(path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "PGAPPNAME": APP_NAME,  # so the drill can see the import's transaction
    }
    command = [sys.executable, "manage.py", "import_data", "colleagues", str(path)]
    return subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _writing() -> bool:
    """True once the import's transaction has written something (it has a transaction id)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s"
            " AND backend_xid IS NOT NULL",
            [APP_NAME],
        )
        return cursor.fetchone()[0] > 0


def _counts() -> tuple[int, int]:
    return User.objects.count(), EmploymentRecord.objects.count()


def test_drill_5_an_import_killed_half_way_keeps_nothing_and_a_rerun_succeeds(
    transactional_db, tmp_path
):
    department = DepartmentFactory(name="Drill Department")
    path = tmp_path / "colleagues.csv"
    _write_file(path, department.name)
    before = _counts()

    started = time.monotonic()
    process = _import(path)
    wait_until(_writing, timeout=300, every=0.02, what="the import to start writing")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    killed_at = time.monotonic() - started
    wait_until(lambda: not _writing(), timeout=30, what="the killed transaction to end")
    after_kill = _counts()
    say(
        f"drill 5: SIGKILLed import_data of {ROWS} rows {killed_at:.1f} s in, while writing; "
        f"colleagues/history rows before {before}, after the kill {after_kill}"
    )
    assert after_kill == before

    started = time.monotonic()
    rerun = _import(path)
    output, _ = rerun.communicate(timeout=600)
    after_rerun = _counts()
    say(
        f"drill 5: rerun exit {rerun.returncode} in {time.monotonic() - started:.1f} s: "
        f"{output.strip().splitlines()[-1]}; colleagues/history rows now {after_rerun}"
    )
    assert rerun.returncode == 0, output
    assert after_rerun == (before[0] + ROWS, before[1] + ROWS)
