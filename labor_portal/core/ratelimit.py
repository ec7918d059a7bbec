"""Per-IP rate limits on citizens' pages that stay open, and fast, when the cache (Redis) is down."""

import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django_ratelimit.core import is_ratelimited

from labor_portal.core.circuit import redis_breaker
from labor_portal.core.clientip import client_ip
from labor_portal.core.views import rate_limited

# Count one hit and start the window's expiry with the first: one round trip. django-ratelimit needs three
# (SET NX, EXISTS, INCR), each through a newly built Redis client, on every citizen's filing.
_COUNT_HIT = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n"
_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
# As django-ratelimit: a counter outlives its window a little, so that a late hit never finds it gone.
_EXPIRY_MARGIN = 5


def per_ip_limit(group: str, default_rate: str, method: str = "POST"):
    """Limit `method` requests per IP to `default_rate` (settings.RATE_LIMITS[group] overrides it).

    The address is the visitor's as seen through the trusted proxies (labor_portal.core.clientip), not the
    proxy's, which would make every citizen share one counter.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            limited = request.method == method and hit_limited(
                request, group=group, key=client_ip(request), rate=default_rate
            )
            return rate_limited(request) if limited else view(request, *args, **kwargs)

        return wrapped

    return decorator


def hit_limited(request, *, group: str, key: str, rate: str) -> bool:
    """Counts one hit against `key` (an address, a case number) in `group` and says whether it is over `rate`
    (settings.RATE_LIMITS[group] overrides it).

    A citizen's request must not fail or wait because the cache (Redis) is down: django-ratelimit lets Redis
    connection errors through even with RATELIMIT_FAIL_OPEN, so they are caught here; after one, the breaker
    skips Redis for a while so that no request waits on it.
    """
    if redis_breaker.is_open or not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    rate = getattr(settings, "RATE_LIMITS", {}).get(group, rate)
    try:
        return _over_limit(request, group=group, key=key, rate=rate)
    except Exception:  # noqa: BLE001 - whatever the cache raises, the citizen's request goes on
        redis_breaker.trip()
        return False


def _over_limit(request, *, group: str, key: str, rate: str) -> bool:
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    if not isinstance(cache, RedisCache):
        # The local-memory cache of development and tests: django-ratelimit's own counting.
        return is_ratelimited(request, group=group, key=lambda _group, _request: key, rate=rate, increment=True)
    limit, period = _rate_parse(rate)
    window = int(time.time() // period)
    cache_key = cache.make_and_validate_key(f"ratelimit:{group}:{rate}:{key}:{window}")
    return _hit_counter(cache)(keys=[cache_key], args=[period + _EXPIRY_MARGIN]) > limit


def _rate_parse(rate: str) -> tuple[int, int]:
    """"10/10m" -> (10, 600): at most 10 requests in 600 seconds."""
    if not (match := _RATE.match(rate)):
        raise ImproperlyConfigured(f"rate limit {rate!r} is not like 10/10m")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * _SECONDS[unit]


def _hit_counter(cache: RedisCache):
    """The counting script, on one Redis client kept with this (per-thread) cache object and its pool."""
    counter = cache.__dict__.get("_ratelimit_hit_counter")
    if counter is None:
        counter = cache._cache.get_client(write=True).register_script(_COUNT_HIT)
        cache.__dict__["_ratelimit_hit_counter"] = counter
    return counter
