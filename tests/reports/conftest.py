import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import connection

import tests.reports.slow_report  # noqa: F401 (registers the test report type)
from reports.models import ReportRun
from reports.registry import Period

QUARTER = Period(date(2026, 7, 1), date(2026, 9, 30), "July to September 2026")


@pytest.fixture
def quarter():
    return QUARTER


@pytest.fixture
def report_files_dir(tmp_path, settings):
    """Report files on disk in a temporary folder, shared with any worker the test starts."""
    location = tmp_path / "files"
    location.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(location)
    return location


def _database_url() -> str:
    """The test database this process uses (pytest-django names it test_<name>, with a
    suffix per xdist worker), for the Celery worker to use too."""
    db = connection.settings_dict
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def worker_uses_test_database(transactional_db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", _database_url())


@pytest.fixture
def celery_worker_process(worker_uses_test_database, celery_worker_process, settings):
    """The shared worker fixture (tests/conftest.py), given this test's database through the
    environment it copies, with report runs sent to its queue. Its worker keeps files in its
    own memory (InMemoryStorage), so tests that read files use `report_worker` instead."""
    settings.PEEL_REPORTS_QUEUE = celery_worker_process
    return celery_worker_process


@pytest.fixture
def report_worker(transactional_db, settings, report_files_dir):
    """Real Celery workers over Redis on a queue of their own, using this test's database and
    files folder. `start()` starts one and returns its process (to kill it, say). Runs are
    sent to the queue through the PEEL_REPORTS_QUEUE setting."""
    from config.celery import app

    queue = f"test-reports-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reports.worker_settings",
        "DATABASE_URL": _database_url(),
        "PEEL_FILES_DIR": str(report_files_dir),
        "REDIS_URL": settings.REDIS_URL,
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"]
    command += ["-Q", queue, "--without-gossip", "--without-mingle", "--without-heartbeat"]
    command += ["-l", "warning"]
    workers = []

    def start():
        name = f"{queue}-{len(workers)}@%h"
        process = subprocess.Popen([*command, "-n", name], env=env)  # noqa: S603
        workers.append(process)
        return process

    settings.PEEL_REPORTS_QUEUE = queue
    app.conf.task_always_eager = False
    try:
        yield SimpleNamespace(queue=queue, start=start, workers=workers)
    finally:
        app.conf.task_always_eager = True
        for process in workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in workers:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for(run_id: int, *, status: set[str], timeout: float = 90) -> ReportRun:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = ReportRun.objects.get(pk=run_id)
        if run.status in status:
            return run
        time.sleep(0.2)
    raise AssertionError(f"Run {run_id} still {run.status} after {timeout} s")
