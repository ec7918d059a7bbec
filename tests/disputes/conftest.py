import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    """Attachments go to a temporary MEDIA_ROOT; rate limits start afresh."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")
