"""A real Celery worker (a separate process, as docker-compose runs it) takes a task from Redis."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.result import allow_join_result

from labor_portal.celery import app as celery_app
from labor_portal.celery import ping

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.real_worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI runs it with Redis)"),
]


@pytest.fixture
def worker():
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "labor_portal", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_a_task_runs_on_a_real_worker_and_its_result_comes_back(worker):
    assert celery_app.conf.task_always_eager is False
    result = ping.delay()
    # Celery's "a task is running here" flag is one global per process: eager tasks run by the suite's
    # concurrency tests in several threads at once can leave it set (each thread restores the value it saw),
    # and result.get() would then refuse to wait. This test process runs no task.
    with allow_join_result():
        assert result.get(timeout=60) == "pong"
