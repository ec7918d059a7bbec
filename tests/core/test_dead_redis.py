"""With Redis down, queuing a task from a web request fails fast instead of hanging the request."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PUBLISH_TWICE = """
import os, time
import django
django.setup()
from labor_portal.reporting.tasks import generate_report_run
started = time.monotonic()
for run_id in ("a", "b"):
    try:
        generate_report_run.apply_async((run_id,), retry=False)
    except Exception:
        pass
print(round(time.monotonic() - started, 3))
"""


def test_publishing_to_a_dead_redis_gives_up_within_a_second():
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:1/0", "DJANGO_SETTINGS_MODULE": "labor_portal.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PUBLISH_TWICE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) < 1.0
