"""Reachability of the database, the cache and the Celery broker, each answered within a second."""

import time

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection

from labor_portal.celery import app as celery_app


def _timed(check) -> dict:
    started = time.monotonic()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"; the detail says which
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return {"ok": ok, "detail": detail, "ms": round((time.monotonic() - started) * 1000)}


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def _cache() -> str:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("value written was not read back")
    return type(caches["default"]).__name__


def _broker() -> str:
    if celery_app.conf.task_always_eager:
        return "eager (tasks run in the web process)"
    with celery_app.connection_for_write() as conn:
        # One attempt only, bounded by the broker connection timeout: never retry inside a request.
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=settings.REDIS_TIMEOUT_SECONDS)
    return "reachable"


def health_report() -> dict:
    checks = {"database": _timed(_database), "cache": _timed(_cache), "broker": _timed(_broker)}
    return {"ok": all(check["ok"] for check in checks.values()), "checks": checks}
