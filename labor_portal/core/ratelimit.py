"""Per-IP rate limits on citizens' pages that stay open, and fast, when the cache (Redis) is down."""

from functools import wraps

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from labor_portal.core.circuit import redis_breaker
from labor_portal.core.clientip import client_ip_for_ratelimit
from labor_portal.core.views import rate_limited


def per_ip_limit(group: str, default_rate: str, method: str = "POST"):
    """Limit `method` requests per IP to `default_rate` (settings.RATE_LIMITS[group] overrides it).

    The address is the visitor's as seen through the trusted proxies (labor_portal.core.clientip), not the
    proxy's, which would make every citizen share one counter.
    django-ratelimit lets Redis connection errors through even with RATELIMIT_FAIL_OPEN, so they are caught
    here; after one, the breaker skips Redis for a while so that no request waits on it.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            rate = getattr(settings, "RATE_LIMITS", {}).get(group, default_rate)
            limited = False
            if not redis_breaker.is_open:
                try:
                    limited = is_ratelimited(
                        request, group=group, key=client_ip_for_ratelimit, rate=rate, method=method, increment=True
                    )
                except Exception:  # noqa: BLE001 - whatever the cache raises, the citizen's request goes on
                    redis_breaker.trip()
            return rate_limited(request) if limited else view(request, *args, **kwargs)

        return wrapped

    return decorator
