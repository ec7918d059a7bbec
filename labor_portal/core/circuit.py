"""A per-process circuit breaker for Redis, which the filing may use but must never wait for."""

import time


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
