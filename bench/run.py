"""Measure Peel on the generated data: `python -m bench.run --scale small|1m [--seconds N]`.

Starts gunicorn on 127.0.0.1 with production settings (DEBUG off; plain http allowed on
loopback: no SSL redirect, no HSTS) against peel_bench_<scale>. Signs each role in by writing a
real session (privileged roles get a confirmed TOTP device and a session marked as having
passed it, exactly as two-step sign-in leaves it; MFA stays enforced). Then, per page: wrk with
4 connections for p50/p95, and the Django test client for the number of queries. Report
builders, the board pack and an import are run in-process and timed. Writes the table to
bench/results/<scale>-<date>.md and prints it.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import ROOT, production_env, setup_django
from bench.pages import deep_cursors, pages
from bench.timed import timed_jobs

PORT = int(os.environ.get("PEEL_BENCH_PORT", "8765"))
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"""


def session_for(staff_number: str) -> str:
    from django.conf import settings
    from django.test import Client

    from people.mfa import mfa_required
    from people.models import User

    user = User.objects.get(staff_number=staff_number)
    client = Client()
    client.force_login(user)
    if mfa_required(user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="Bench phone", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def start_gunicorn(scale: str, workers: int) -> subprocess.Popen:
    env = {**os.environ, **production_env(scale)}
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    proc = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        time.sleep(0.3)
        probe = subprocess.run(
            [
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                f"http://127.0.0.1:{PORT}/healthz",
            ],
            capture_output=True,
            text=True,
        )
        if probe.stdout.strip() == "200":
            return proc
    proc.terminate()
    raise SystemExit("gunicorn did not start")


def worker_rss_mb(master: int, measure: str = "VmHWM") -> float:
    """Resident memory of the largest gunicorn worker, in MB: its peak (VmHWM) or now (VmRSS)."""
    largest = 0
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        found = re.search(rf"{measure}:\s+(\d+) kB", status)
        largest = max(largest, int(found.group(1)) if found else 0)
    return largest / 1024


def soak(rows: list[dict], cookies: dict, target: int, seconds: int, lua: str) -> int:
    """Go on requesting every measured page in turn until the workers have served `target`
    requests in all (the memory target is "after 10,000 requests" a worker). Returns the total."""
    served = sum(r["requests"] for r in rows)
    turn = 0
    while served < target:
        page = rows[turn % len(rows)]
        turn += 1
        served += wrk(page["url"], cookies[page["role"]], seconds, lua)[2]
    return served


def wrk(url: str, cookie: str, seconds: int, lua: str) -> tuple[float, float, int, int]:
    from django.conf import settings

    out = subprocess.run(
        [
            "wrk",
            "-t1",
            "-c4",
            f"-d{seconds}s",
            "-s",
            lua,
            "-H",
            f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}",
            f"http://127.0.0.1:{PORT}{url}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"BENCH (\d+) (\d+) (\d+) (\d+)", out)
    p50, p95, requests, errors = (int(x) for x in found.groups())
    return p50 / 1000, p95 / 1000, requests, errors


def queries_for_capture(url: str, cookie: str) -> int:
    """One warm GET of `url` with the session cookie (the caller captures the queries)."""
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    client.get(url)
    return client.get(url).status_code


def queries_for(url: str, cookie: str) -> tuple[int, int]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url).status_code
    return len(ctx.captured_queries), status


def measure_pages(scale: str, seconds: int, proc) -> tuple[list[dict], dict, str]:
    rows, cookies = [], {}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(LUA)
    cursors = deep_cursors()
    for page in pages(cursors):
        role = page["role"]
        cookies.setdefault(role, session_for(role))
        queries, status = queries_for(page["url"], cookies[role])
        p50, p95, requests, errors = wrk(page["url"], cookies[role], seconds, lua.name)
        rows.append(
            {
                **page,
                "p50": p50,
                "p95": p95,
                "queries": queries,
                "status": status,
                "requests": requests,
                "errors": errors,
                "rss": worker_rss_mb(proc.pid),
            }
        )
        print(
            f"  {page['label']:<46} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"{queries:>3} queries  HTTP {status}  {requests} requests",
            flush=True,
        )
    return rows, cookies, lua.name


def table(
    scale: str, rows: list[dict], jobs: list[dict], memory: dict, seconds: int, workers: int
) -> str:
    lines = [
        f"# Peel benchmark: {scale} scale, {date.today().isoformat()}",
        "",
        f"wrk: 1 thread, 4 connections, {seconds} s per page; gunicorn {workers} sync workers on "
        "127.0.0.1; production settings (DEBUG off, http allowed on loopback, MFA enforced).",
        "",
        "| page | role | p50 ms | p95 ms | queries | HTTP | requests | worker RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['role']} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['queries']} | {r['status']} | {r['requests']} | {r['rss']:.0f} |"
        )
    lines += ["", "| in-process job | seconds | queries | note |", "|---|---:|---:|---|"]
    for j in jobs:
        lines.append(f"| {j['label']} | {j['seconds']:.2f} | {j['queries']} | {j['note']} |")
    lines += [
        "",
        f"Web workers: {memory['served']:,} requests served in all ({workers} workers, about "
        f"{memory['served'] // workers:,} each); the largest worker's RSS after them "
        f"{memory['now']:.0f} MB, its peak {memory['peak']:.0f} MB.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="small")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--soak",
        type=int,
        default=20_000,
        help="requests the workers serve in all before their memory is read (10,000 each)",
    )
    args = parser.parse_args(argv)
    setup_django(args.scale)
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    from django.core.cache import cache

    cache.clear()  # figures are built afresh by the first request of the run
    proc = start_gunicorn(args.scale, args.workers)
    try:
        rows, cookies, lua = measure_pages(args.scale, args.seconds, proc)
        served = soak(rows, cookies, args.soak, args.seconds, lua)
        memory = {
            "served": served,
            "now": worker_rss_mb(proc.pid, "VmRSS"),
            "peak": worker_rss_mb(proc.pid),
        }
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    jobs = timed_jobs(args.scale)
    report = table(args.scale, rows, jobs, memory, args.seconds, args.workers)
    out = ROOT / "bench" / "results" / f"{args.scale}-{date.today().isoformat()}.md"
    out.write_text(report)
    print(report)
    print(f"Written to {out.relative_to(ROOT)}")
    bad = [r["label"] for r in rows if r["status"] != 200 or r["errors"]]
    if bad:
        print(f"Pages that did not answer 200 every time: {', '.join(bad)}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
