import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    """Attachments go to a temporary MEDIA_ROOT; rate limits start afresh; text messages are kept in memory."""
    from labor_portal.cases.sms import LocmemBackend

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SMS_BACKEND = "labor_portal.cases.sms.LocmemBackend"
    LocmemBackend.outbox.clear()
    cache.clear()


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")
