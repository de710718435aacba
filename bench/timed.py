"""In-process timings: each report's section builders, the board pack end to end, a SQL
cross-check of one aggregate, and a 100,000-row import (validated, atomic, rolled back)."""

import csv
import io
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

# 100,000 at 1m (two files: core.imports.MAX_ROWS allows 50,000 a file); 1/100 at small.
IMPORT_ROWS = {"1m": 100_000, "small": 1_000}


def _timed(label: str, fn, note: str = "", repeat: int = 1) -> dict:
    """Run `fn` `repeat` times; the best time counts (the machine is shared)."""
    seconds = float("inf")
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            result = fn()
            seconds = min(seconds, time.perf_counter() - started)
    row = {"label": label, "seconds": seconds, "queries": len(ctx.captured_queries), "note": note}
    print(f"  {label:<46} {seconds:8.2f} s  {row['queries']:>5} queries  {note}", flush=True)
    row["result"] = result
    return row


def report_builders() -> list[dict]:
    from django.utils import timezone

    from reports import periods, registry

    rows = []
    for report_type in registry.all_types():
        period = periods.containing(report_type.period_kind, timezone.localdate())
        params = report_type.clean_parameters({})
        for builder in report_type.sections:
            rows.append(
                _timed(
                    f"{report_type.key}: {builder.__name__}",
                    lambda b=builder, p=period, q=params: b(p, q),
                )
            )
    return rows


def board_pack() -> dict:
    """Request and build the board pack exactly as the worker task does (tasks run inline)."""
    from django.utils import timezone

    from people.models import User
    from reports import periods, services
    from reports.models import ReportRun

    analyst = User.objects.get(staff_number="analyst")
    period = periods.containing("quarter", timezone.localdate())

    def build():
        run, _ = services.report_run_request(
            actor=analyst, report_type="board-pack", period=period, rerun=True
        )
        return services.report_run_execute(run_id=run.pk)

    row = _timed("board pack end to end (content, charts, PDF, XLSX, CSV)", build)
    run = ReportRun.objects.filter(report_type="board-pack").latest("updated_at")
    row["note"] = f"run {run.status}, {run.files.count()} files; the task ran inline (no broker)"
    return row


def aggregate_vs_sql() -> list[dict]:
    """headcount() through the ORM against the same count written by hand."""
    from django.utils import timezone

    from reports import figures

    day = timezone.localdate()
    orm = _timed(
        "aggregate: headcount of officers (ORM)",
        lambda: figures.headcount(day=day, person_type="officer"),
    )

    def by_hand():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(DISTINCT person_id) FROM people_employmentrecord WHERE "
                "valid_from <= %s AND (valid_to IS NULL OR valid_to > %s) AND person_type = %s",
                [day, day, "officer"],
            )
            return cursor.fetchone()[0]

    sql = _timed("aggregate: the same in hand-written SQL", by_hand, repeat=5)
    ratio = orm["seconds"] / max(sql["seconds"], 1e-6)
    orm["note"] = f"{orm['result']} (SQL: {sql['result']}); ORM/SQL time {ratio:.2f}"
    return [orm, sql]


def colleagues_csv(n: int, start: int = 0) -> bytes:
    from people.models import Department

    departments = list(Department.objects.values_list("name", flat=True))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Staff number",
            "First name",
            "Last name",
            "Email",
            "Person type",
            "Rank or grade",
            "Department",
            "Line manager staff number",
            "Entry route",
            "Start date",
        ]
    )
    for i in range(start, start + n):
        writer.writerow(
            [
                f"IMP{i:07d}",
                "Alex",
                f"Import{i}",
                f"alex.import{i}@bench.example",
                "Police officer",
                "Constable",
                departments[i % len(departments)],
                "",
                "PCDA",
                "01/09/2025",
            ]
        )
    return out.getvalue().encode()


def colleagues_import(rows: int) -> dict:
    from core.imports import MAX_ROWS, registry, run_import
    from people.models import User

    size = min(MAX_ROWS, rows)
    files = [colleagues_csv(size, start) for start in range(0, rows, size)]
    admin = User.objects.get(staff_number="admin")
    spec = registry.get("colleagues")

    def run_all():
        return [
            run_import(spec, name="bench.csv", data=d, actor=admin, dry_run=True) for d in files
        ]

    row = _timed(f"import {rows:,} colleagues ({len(files)} files, each atomic)", run_all)
    written = sum(r.counts.created for r in row["result"])
    problems = sum(len(r.problems) for r in row["result"])
    row["note"] = (
        f"{written} created, {problems} problems; dry run (written, then rolled "
        f"back); {size:,} rows a file is the import limit; no EOI import kind on main"
    )
    return row


def timed_jobs(scale: str) -> list[dict]:
    print("In-process jobs:", flush=True)
    return [
        *report_builders(),
        board_pack(),
        *aggregate_vs_sql(),
        colleagues_import(IMPORT_ROWS.get(scale, 1_000)),
    ]
