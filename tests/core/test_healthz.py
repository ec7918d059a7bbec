import time

import pytest
from django.test import override_settings

from labor_portal.celery import app as celery_app


def test_healthz_reports_each_dependency(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert set(body["checks"]) == {"database", "cache", "broker"}


@pytest.fixture
def redis_down():
    """Cache and broker pointed at addresses where no Redis answers: a closed port and a blackhole."""

    def point_at(url):
        conf = celery_app.conf
        saved = (conf.broker_url, conf.task_always_eager)
        conf.broker_url, conf.task_always_eager = url, False
        caches = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        override = override_settings(CACHES=caches)
        override.enable()
        return lambda: (override.disable(), setattr(conf, "broker_url", saved[0]), setattr(conf, "task_always_eager", saved[1]))

    restore = []
    yield lambda url: restore.append(point_at(url))
    for undo in restore:
        undo()


@pytest.mark.parametrize("url", ["redis://127.0.0.1:1/0", "redis://10.255.255.1:6379/0"])
def test_healthz_answers_within_two_seconds_when_redis_is_down(client, db, redis_down, url):
    redis_down(url)
    started = time.monotonic()
    response = client.get("/healthz")
    elapsed = time.monotonic() - started
    assert elapsed < 2.0
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["broker"]["ok"] is False
