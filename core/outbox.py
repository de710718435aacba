"""Queue background work through the outbox: nothing is lost when Redis is down."""

import logging
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from core.models import OutboxMessage

log = logging.getLogger(__name__)
# What a send raises when Redis is away or goes away mid-send: the message stays pending.
UNREACHABLE = (BrokerError, RedisError, OSError)


def outbox_enqueue(
    *, task: str, args: list | tuple = (), kwargs: dict | None = None, queue: str = ""
) -> OutboxMessage:
    """Record that `task` must run, in the caller's transaction; try to send it on commit.

    If Redis is unreachable the message stays pending and the beat dispatcher sends it later.
    """
    message = OutboxMessage.objects.create(
        task=task, args=list(args), kwargs=kwargs or {}, queue=queue
    )
    transaction.on_commit(lambda: outbox_dispatch(ids=[message.pk]))
    return message


def task_named(name: str):
    """The registered task `name`, importing every app's tasks module first if need be: a web
    process has not imported them (a worker does when it starts)."""
    app = current_app
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]


def _send(message: OutboxMessage) -> None:
    app = current_app
    if app.conf.task_always_eager:
        task_named(message.task).apply(args=message.args, kwargs=message.kwargs)
        return
    options = {"queue": message.queue} if message.queue else {}
    # ignore_result: the sender never waits for a result, and subscribing to one is a second
    # round trip to Redis that fails (and breaks the result consumer) while Redis is away.
    app.send_task(
        message.task,
        args=message.args,
        kwargs=message.kwargs,
        retry=False,
        ignore_result=True,
        **options,
    )


def outbox_dispatch(*, ids: list[int] | None = None, limit: int = 200) -> int:
    """Send pending messages (oldest first) to Celery; return how many were sent.

    Stops at the first broker error, leaving the rest pending. Rows are locked with SKIP
    LOCKED so several dispatchers never send one message twice.
    """
    sent = 0
    with transaction.atomic():
        pending = OutboxMessage.objects.select_for_update(skip_locked=True).filter(
            dispatched_at__isnull=True
        )
        if ids is not None:
            pending = pending.filter(pk__in=ids)
        for message in pending.order_by("id")[:limit]:
            message.attempts += 1
            try:
                _send(message)
            except UNREACHABLE as error:
                message.last_error = str(error)[:1000]
                message.save(update_fields=["attempts", "last_error", "updated_at"])
                log.warning("Outbox: broker unreachable, %s stays pending", message)
                break
            message.dispatched_at = timezone.now()
            message.save(update_fields=["attempts", "dispatched_at", "updated_at"])
            sent += 1
    return sent


def outbox_prune(*, older_than_days: int = 30) -> int:
    """Delete messages dispatched more than `older_than_days` ago."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = OutboxMessage.objects.filter(dispatched_at__lt=cutoff).delete()
    return deleted
