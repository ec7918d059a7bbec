import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test starts with fresh rate-limit counters: the register is limited per address."""
    cache.clear()
