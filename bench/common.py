"""What generate.py and run.py share: the scales, the database name and production-like env."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("PEEL_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")

# Row counts at each scale: "1m" is the national deployment, "small" about 1/100.
SCALES = {
    "1m": {
        "eois": 1_000_000,
        "colleagues": 100_000,
        "welfare_cases": 20_000,
        "passports": 20_000,
        "ratings": 100_000,
        "benefits": 5_000,
    },
    "small": {
        "eois": 10_000,
        "colleagues": 1_000,
        "welfare_cases": 200,
        "passports": 200,
        "ratings": 1_000,
        "benefits": 50,
    },
}


def database_name(scale: str) -> str:
    return f"peel_bench_{scale}"


def setup_django(scale: str) -> None:
    """Production settings against the bench database, with plain http allowed on loopback."""
    os.environ.update(production_env(scale))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def production_env(scale: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"{SERVER}/{database_name(scale)}",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-any-real-deployment-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": "",
        # One cache for both web workers, as production's Redis (tasks still run inline).
        "CACHE_URL": os.environ.get("PEEL_BENCH_CACHE", "redis://127.0.0.1:6379/13"),
    }
