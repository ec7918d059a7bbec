import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def rate_limits_afresh():
    """Each test's booking forms start with the address's rate-limit counters at zero."""
    cache.clear()
