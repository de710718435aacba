from celery import shared_task


@shared_task(name="core.ping")
def ping(value: str) -> str:
    """Answer "pong <value>": proves a worker is consuming (health checks and tests)."""
    return f"pong {value}"
