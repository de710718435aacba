"""In-process timings: each report's section builders, the board pack end to end, a SQL
cross-check of one aggregate, and an import of 100,000 EOIs (validated, atomic, rolled back)."""

import csv
import io
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

# 100,000 EOIs in one file at 1m (the import target); 1/100 at small.
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


FIRST_NAMES = [
    "Amira",
    "Tomasz",
    "Grace",
    "Oliver",
    "Priya",
    "Kwame",
    "Siobhan",
    "Mohammed",
    "Chloe",
    "Harpreet",
    "Daniel",
    "Aisha",
    "Jack",
    "Zofia",
    "Liam",
    "Fatima",
    "Ethan",
    "Mei",
]
LAST_NAMES = [
    "Khan",
    "Nowak",
    "Okafor",
    "Smith",
    "Patel",
    "Mensah",
    "O'Brien",
    "Ali",
    "Jones",
    "Kaur",
    "Williams",
    "Begum",
    "Taylor",
    "Kowalska",
    "Murphy",
    "Hussain",
    "Brown",
    "Chen",
]
# Outward codes around the force area, written the ways people write them on a sheet.
OUTWARDS = ["B42", "B20", "B6", "B1", "CV1", "CV6", "WV10", "WS1", "DY1", "B15", "B11"]
ROUTES = ["PCDA", "DHEP", "dc dhep", "PCEP", "pcda", "Special Constable", "PCSO", "Police staff"]


def eois_csv(n: int, campaigns: list[str]) -> bytes:
    """`n` sign-up sheet rows as people fill them in: every one new and valid, with the variety
    a real sheet has (blank phones, landlines, postcodes in any case and spacing, route labels
    or codes, campaign names in any capitals, sign-up days over a year)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "First name",
            "Last name",
            "Email",
            "Phone",
            "Postcode",
            "Route",
            "Consent to contact",
            "Campaign",
            "Signed up",
        ]
    )
    for i in range(n):
        first, last = FIRST_NAMES[i % 18], LAST_NAMES[(i // 18) % 18]
        phone = ("", f"07700 9{i % 100_000:05d}", f"0121 496 {i % 10_000:04d}")[i % 3]
        postcode = f"{OUTWARDS[i % 11]}{' ' if i % 4 else ''}{i % 10}{'ABDEFGHJ'[i % 8]}Z"
        campaign = campaigns[i % len(campaigns)]
        writer.writerow(
            [
                first,
                last,
                f"{first}.{last}.{i}@bench.example".replace("'", "").lower(),
                phone,
                postcode.lower() if i % 5 == 0 else postcode,
                ROUTES[i % len(ROUTES)],
                ("Yes", "yes", "Y")[i % 3],
                campaign.upper() if i % 7 == 0 else campaign,
                f"{1 + i % 28:02d}/{1 + i % 12:02d}/2025",
            ]
        )
    return out.getvalue().encode()


def eois_import(rows: int) -> dict:
    """One sign-up sheet of `rows` new EOIs, checked and written in one transaction, then
    rolled back (the import's "check only"), so every write happens and the bench database
    is the same afterwards."""
    from core.imports import registry, run_import
    from people.models import User
    from recruitment.models import Campaign

    data = eois_csv(rows, list(Campaign.objects.values_list("name", flat=True)))
    officer = User.objects.get(staff_number="recruit")
    spec = registry.get("eois")

    def run():
        return run_import(spec, name="sign-ups.csv", data=data, actor=officer, dry_run=True)

    row = _timed(f"import {rows:,} EOIs (one file, validated, atomic)", run)
    result = row["result"]
    row["note"] = (
        f"{result.counts.created} created, {len(result.problems)} problems; "
        f"{len(data) / 1e6:.1f} MB CSV; dry run: every row written and the commit's deferred "
        "checks made, then rolled back; the queries count leaves out the 3 COPY streams"
    )
    return row


def timed_jobs(scale: str) -> list[dict]:
    print("In-process jobs:", flush=True)
    return [
        *report_builders(),
        board_pack(),
        *aggregate_vs_sql(),
        eois_import(IMPORT_ROWS.get(scale, 1_000)),
    ]
