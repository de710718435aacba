"""The load check: wrk against gunicorn on loopback for 60 s at 16 connections, on a mixed set
of pages as three roles. Zero errors (any answer that is not 2xx or 3xx, or no answer), and
p50/p95/p99 printed. `make load-check`; LOAD_SECONDS shortens it for a quick look."""

import os
import re
import shutil
import subprocess

import pytest

from tests.resilience.browsing import ROLES, cast_for_drills
from tests.resilience.stack import ROOT, Browser, say, session_cookie

pytestmark = [pytest.mark.resilience, pytest.mark.load]
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = 16


def _seed() -> None:
    from people import demo as people_demo
    from recruitment import demo as recruitment_demo

    people_demo.seed()
    recruitment_demo.seed()


def test_load_check_60_s_at_16_connections_as_three_roles_has_no_errors(stack):
    assert shutil.which("wrk"), "wrk is needed: apt-get install wrk"
    _seed()
    users = cast_for_drills()
    stack.start_web(workers=2, threads=8)
    groups = []
    for name, (_, paths) in ROLES.items():
        session = session_cookie(users[name])
        browser = Browser(stack.base, session)
        assert {browser.get(path).status_code for path in paths} == {200}, name
        groups.append(f"{session}|{','.join(paths)}")
    command = ["wrk", "-t", "4", "-c", str(CONNECTIONS), "-d", f"{SECONDS}s", "--timeout", "10s"]
    command += ["--latency", "-s", str(ROOT / "scripts" / "load_check.lua"), stack.base, "--"]
    result = subprocess.run(  # noqa: S603
        [*command, *groups], capture_output=True, text=True, timeout=SECONDS + 60
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOAD "))
    figures = dict(re.findall(r"(\w+)=([\d.]+)", line))
    say(
        f"load check: {SECONDS} s, {CONNECTIONS} connections, 3 roles, "
        f"{sum(len(p) for _, p in ROLES.values())} pages: {line[5:]}"
    )
    assert int(figures["requests"]) > 0
    errors = ("non_2xx_3xx", "connect", "read", "write", "timeout")
    assert all(int(figures[name]) == 0 for name in errors), line
    assert int(figures["not_200"]) == 0, line  # no redirect to sign-in either
