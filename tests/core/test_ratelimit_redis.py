"""Per-IP limits counted in Redis with one round trip (labor_portal.core.ratelimit), as in production.

Needs a Redis: TEST_REDIS_URL, by default DB 12 of the local one; skipped without it. Each test uses a group
of its own, so nothing is flushed.
"""

import os
import time
import uuid

import pytest
import redis
from django.http import HttpResponse
from django.test import RequestFactory

from labor_portal.core.circuit import redis_breaker
from labor_portal.core.ratelimit import per_ip_limit

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


def _redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_reachable(), reason=f"no Redis at {REDIS_URL}")


def _cache(url):
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = _cache(REDIS_URL)
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 0, []
    redis_breaker.reset()
    yield
    redis_breaker.reset()


def _limited_view(rate="2/m"):
    return per_ip_limit(f"test.{uuid.uuid4().hex}", rate)(lambda request: HttpResponse("filed"))


def _post(view, ip="198.51.100.7"):
    return view(RequestFactory().post("/", REMOTE_ADDR=ip)).status_code


def test_a_visitor_over_the_rate_is_refused_and_another_is_not(redis_cache):
    view = _limited_view("2/m")
    assert [_post(view), _post(view), _post(view)] == [200, 200, 429]
    assert _post(view, ip="203.0.113.9") == 200


def test_opening_the_form_is_not_counted(redis_cache):
    view = _limited_view("1/m")
    for _ in range(3):
        assert view(RequestFactory().get("/", REMOTE_ADDR="198.51.100.8")).status_code == 200
    assert _post(view, ip="198.51.100.8") == 200


def test_a_refused_visitor_is_let_in_again_once_the_window_has_passed(redis_cache):
    # The counter expires with its window: without the expiry one busy hour would lock an address out for good.
    group = f"test.{uuid.uuid4().hex}"
    view = per_ip_limit(group, "1/m")(lambda request: HttpResponse("filed"))
    _post(view)
    client = redis.Redis.from_url(REDIS_URL)
    keys = client.keys(f"*ratelimit:{group}:*")
    assert len(keys) == 1 and 0 < client.ttl(keys[0]) <= 65


def test_with_redis_down_the_citizen_still_files_and_at_once(settings):
    settings.CACHES = _cache("redis://127.0.0.1:6489/12")  # nothing listens there
    redis_breaker.reset()
    started = time.monotonic()
    try:
        assert _post(_limited_view("1/m")) == 200
        assert redis_breaker.is_open  # the next requests do not try Redis for a while
    finally:
        redis_breaker.reset()
    assert time.monotonic() - started < 1.5
