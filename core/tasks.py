from celery import shared_task


@shared_task(name="core.ping")
def ping(value: str) -> str:
    """Answer "pong <value>": proves a worker is consuming (health checks and tests)."""
    return f"pong {value}"


@shared_task(name="core.heartbeat", ignore_result=True)
def heartbeat() -> None:
    """Sent by beat every minute and run by a worker: /readyz checks it is recent."""
    import time

    from django.core.cache import cache

    from core.health import HEARTBEAT_KEY

    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)


@shared_task(name="core.dispatch_outbox", ignore_result=True)
def dispatch_outbox() -> int:
    """Send background work queued while Redis was away."""
    from core.outbox import outbox_dispatch

    return outbox_dispatch()


@shared_task(name="core.retention_run", ignore_result=True)
def retention_run_task(dry_run: bool = False) -> None:
    """The scheduled retention job: anonymise or delete what each policy says is due."""
    from core.retention import retention_run

    retention_run(actor=None, dry_run=dry_run)
