import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def fresh_rate_limits_and_language():
    """Every test starts with fresh rate-limit counters (the register is limited per address) and leaves the
    default language behind: a request in English would otherwise leave English active for the next tests."""
    cache.clear()
    yield
    translation.deactivate()
