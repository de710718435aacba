import time

import pytest
from django.core.cache import cache
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerError

from core.concurrency import StaleEdit, save_versioned
from core.health import HEARTBEAT_KEY
from core.models import OutboxMessage, Setting
from core.outbox import outbox_dispatch, outbox_enqueue
from core.tasks import heartbeat


def test_healthz_answers_without_signing_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_readyz_needs_a_recent_beat_heartbeat(client):
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["redis"] == "ok"
    heartbeat()
    assert client.get("/readyz").status_code == 200
    cache.set(HEARTBEAT_KEY, time.time() - 3600)
    assert client.get("/readyz").json()["checks"]["beat"].startswith("failing")


def test_a_database_outage_shows_a_friendly_503(client_for, colleague, monkeypatch):
    client = client_for(colleague)
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("core.views.work_for", broken)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "back in a moment" in response.content.decode()


@pytest.fixture
def not_eager():
    from config.celery import app

    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


def test_outbox_work_waits_while_the_broker_is_down(
    db, monkeypatch, not_eager, django_capture_on_commit_callbacks
):
    app = not_eager

    def down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(app, "send_task", down)
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task="core.ping", args=["later"])
    message.refresh_from_db()
    assert message.dispatched_at is None and message.attempts == 1
    assert "Connection refused" in message.last_error

    sent = []
    monkeypatch.setattr(app, "send_task", lambda name, **kw: sent.append((name, kw["args"])))
    assert outbox_dispatch() == 1
    assert sent == [("core.ping", ["later"])]
    assert OutboxMessage.objects.get(pk=message.pk).dispatched_at is not None
    assert outbox_dispatch() == 0  # never sent twice


def test_a_stale_save_is_refused_and_says_what_changed(db):
    setting = Setting.objects.create(key="welfare-first-contact-working-days", value=2)
    mine = Setting.objects.get(pk=setting.pk)
    theirs = Setting.objects.get(pk=setting.pk)
    theirs.value = 3
    save_versioned(theirs, expected_version=1, fields=["value"])
    mine.value = 5
    with pytest.raises(StaleEdit) as refused:
        save_versioned(mine, expected_version=1, fields=["value"])
    assert [(d.label, d.theirs, d.yours) for d in refused.value.differences] == [("Value", 3, 5)]
    assert "Someone else saved this record" in str(refused.value)
    assert Setting.objects.get(pk=setting.pk).value == 3


@pytest.mark.celery_worker
def test_outbox_work_reaches_a_real_worker(celery_worker_process, transactional_db):
    message = outbox_enqueue(task="core.ping", args=["via outbox"], queue=celery_worker_process)
    message.refresh_from_db()
    assert message.dispatched_at is not None


def test_a_web_process_finds_a_task_it_has_not_imported():
    """Run-now on a laptop (tasks inline, no worker) must find reports' task."""
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import django; django.setup(); from core.outbox import task_named; "
        "print(task_named('reports.run_report').name)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
        env={
            **__import__("os").environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "PYTHONPATH": str(settings.BASE_DIR),
        },
    )
    assert result.stdout.strip() == "reports.run_report", result.stderr[-500:]
