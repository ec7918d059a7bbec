import pytest
from django.core.cache import cache
from django.utils import translation

from labor_portal.core.circuit import redis_breaker


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    """Attachments go to a temporary MEDIA_ROOT; rate limits and the Redis breaker start afresh."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    redis_breaker.reset()
    yield
    # A request in English leaves English active in this thread; later tests expect the default.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")
