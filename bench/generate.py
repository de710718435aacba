"""Synthetic data for the benchmark: `python -m bench.generate --scale small|1m`.

Drops and recreates the database peel_bench_<scale>, migrates it, loads the demo (reference data
and the demo users every role signs in as), then adds the volume with PostgreSQL COPY into the
project's own models' tables (columns from each model's _meta, so a renamed field breaks this
loudly). Distributions follow a real force: most EOIs are for PCDA and DHEP, a quarter are
closed, most colleagues are officers in local policing. Prints how long each part took.
"""

import argparse
import random
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from bench.common import SCALES, database_name, setup_django

RNG = random.Random(12)
NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
FIRST = [
    "Aisha",
    "Ben",
    "Chloe",
    "Daniel",
    "Emma",
    "Farhan",
    "Grace",
    "Harpreet",
    "Imran",
    "Jack",
    "Kerry",
    "Liam",
    "Maya",
    "Nathan",
    "Olivia",
    "Priya",
    "Quentin",
    "Rosie",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wei",
    "Yasmin",
    "Zoe",
    "Mohammed",
    "Amelia",
    "Kai",
]
LAST = [
    "Smith",
    "Jones",
    "Khan",
    "Patel",
    "Williams",
    "Brown",
    "Taylor",
    "Ahmed",
    "Evans",
    "Hussain",
    "Walker",
    "Singh",
    "Wright",
    "Thompson",
    "Begum",
    "Roberts",
    "Clarke",
    "Okafor",
    "Hughes",
    "Edwards",
    "Green",
    "Lewis",
    "Wood",
    "Harris",
    "Martin",
    "Ali",
]
ROUTES = [
    ("pcda", 35),
    ("dhep", 25),
    ("pcep", 8),
    ("dc_dhep", 6),
    ("staff", 12),
    ("pcso", 7),
    ("special", 5),
    ("transferee", 1),
    ("rejoiner", 1),
]
EOI_STATUS = [("new", 12), ("contacted", 25), ("applying", 14), ("applied", 22), ("closed", 27)]
CLOSED_REASONS = [("not_eligible", 30), ("no_response", 45), ("withdrawn", 20), ("duplicate", 5)]
CHANNELS = [
    ("web", 45),
    ("event", 20),
    ("social", 15),
    ("ambassador", 12),
    ("school", 5),
    ("other", 3),
]
ETHNICITY = [
    ("W_BRI", 70),
    ("A_PAK", 6),
    ("A_IND", 5),
    ("B_CAR", 3),
    ("B_AFR", 3),
    ("M_WBC", 3),
    ("W_OTH", 4),
    ("A_BAN", 2),
    ("O_OTH", 1),
    ("PNS", 1),
    ("", 2),
]
SEX = [("F", 44), ("M", 54), ("", 2)]
TIMINGS: list[tuple[str, float, int]] = []


def pick(pairs):
    values, weights = zip(*pairs, strict=True)
    return RNG.choices(values, weights)[0]


@contextmanager
def timed(label: str, rows: int = 0):
    started = time.perf_counter()
    yield
    seconds = time.perf_counter() - started
    TIMINGS.append((label, seconds, rows))
    print(f"  {label:<44} {rows:>9,} rows {seconds:8.1f} s", flush=True)


def _constant_defaults(model, fields: list[str]) -> dict:
    """Required columns the caller did not give that have a fixed default (e.g. `version`):
    COPY bypasses Django, so their defaults are written here."""
    return {
        f.name: f.default
        for f in model._meta.concrete_fields
        if f.name not in fields and not f.null and f.has_default() and not callable(f.default)
    }


def copy(model, fields: list[str], rows) -> int:
    """COPY rows (tuples in `fields` order, `id` first) into the model's table."""
    from django.db import connection

    extra = _constant_defaults(model, fields)
    names = [*fields, *extra]
    columns = ", ".join(model._meta.get_field(f).column for f in names)
    tail = tuple(extra.values())
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as out:
            for row in rows:
                out.write_row(tuple(row) + tail)
                count += 1
        table = model._meta.db_table  # a model's own table name, not user input
        sql = f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
        cursor.execute(sql, [table])
    return count


def next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


def day_between(start: date, end: date) -> date:
    return start + timedelta(days=RNG.randrange(max((end - start).days, 1)))


def recreate_database(scale: str) -> None:
    import psycopg

    from bench.common import SERVER

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database_name(scale)}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{database_name(scale)}"')


def base_data() -> None:
    from django.conf import settings
    from django.core.management import call_command

    # The bench signs in by session, never by password: a fast hasher keeps the demo quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with timed("migrate"):
        call_command("migrate", verbosity=0)
    with timed("demo data (reference data, role users)"):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    scale = parser.parse_args(argv).scale
    counts = SCALES[scale]
    print(f"Generating the {scale} scale into {database_name(scale)}", flush=True)
    started = time.perf_counter()
    recreate_database(scale)
    setup_django(scale)
    from bench import volume

    base_data()
    volume.generate(counts)
    with timed("VACUUM ANALYZE"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"Generated {scale} in {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
