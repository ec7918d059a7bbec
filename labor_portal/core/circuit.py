"""A per-process circuit breaker for Redis, which the filing may use but must never wait for."""

import logging
import time

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """After a failure, `is_open` is True for `cooldown` seconds: callers skip the service meanwhile.

    Redis refusing connections costs each call its client's retries (0.1 s for the cache, 2 s for Celery's
    publish); without the breaker every filing would pay that while Redis is down.
    """

    def __init__(self, cooldown: float):
        self.cooldown = cooldown
        self._closed_at = 0.0

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._closed_at

    def trip(self) -> None:
        self._closed_at = time.monotonic() + self.cooldown

    def reset(self) -> None:
        self._closed_at = 0.0


# Shared by the rate limits (cache) and every task queued from a web request (broker): both are the same Redis.
redis_breaker = CircuitBreaker(cooldown=15)


def enqueue_unless_redis_down(task, *args) -> bool:
    """Queue `task` without ever holding the caller on a dead broker.

    Returns False when it was not queued (Redis failed just now, or fails now); the work must then be kept
    in the database, where a periodic task picks it up once Redis is back.
    """
    if redis_breaker.is_open:
        return False
    try:
        task.apply_async(args, retry=False)
    except Exception:
        redis_breaker.trip()
        logger.warning("could not queue %s%r; a periodic task will pick it up", task.name, args, exc_info=True)
        return False
    return True
