"""The Celery app: eager in-process when REDIS_URL is unset, Redis-backed otherwise (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labor_portal.settings")

app = Celery("labor_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="labor_portal.ping", ignore_result=False)
def ping() -> str:
    """Answers 'pong': lets health checks and CI prove a worker round trip."""
    return "pong"
