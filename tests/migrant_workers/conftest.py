import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def rate_limits_afresh():
    cache.clear()
