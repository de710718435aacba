import pytest

from core.tasks import ping


@pytest.mark.celery_worker
def test_a_task_goes_over_redis_to_a_real_worker_and_back(celery_worker_process):
    result = ping.apply_async(args=["peel"], queue=celery_worker_process)
    assert result.get(timeout=120) == "pong peel"


def test_tasks_run_inline_when_no_worker_is_wanted():
    assert ping.delay("inline").get() == "pong inline"
