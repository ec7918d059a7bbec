"""With a broker, a web process hands Celery one wake-up (the outbox flush, a moment later) for the messages it
commits meanwhile, rather than one publish per message; nothing is lost or sent twice, with Redis up or down."""

from unittest import mock

import pytest
from django.core import mail
from kombu.exceptions import OperationalError

from labor_portal.cases import outbox
from labor_portal.cases.models import OutboxMessage
from labor_portal.cases.tasks import outbox_message_send, outbox_send_pending
from labor_portal.celery import app as celery_app
from labor_portal.core.circuit import redis_breaker
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(monkeypatch):
    """Celery with a broker, as in production: publishes are recorded, nothing runs until the test says so."""
    monkeypatch.setattr(outbox, "_wake_covers_until", 0.0)
    celery_app.conf.task_always_eager = False  # the autouse celery_eager fixture (tests/conftest.py) restores it
    clock = mock.Mock(return_value=1000.0)  # time.monotonic() as outbox sees it
    with mock.patch.object(outbox_send_pending, "apply_async") as wake, \
            mock.patch.object(outbox_message_send, "apply_async") as per_message, \
            mock.patch.object(outbox, "time") as fake_time:
        fake_time.monotonic = clock

        def at(seconds):
            clock.return_value = 1000.0 + seconds

        yield {"wake": wake, "per_message": per_message, "at": at}


def _file(django_capture_on_commit_callbacks, n):
    with django_capture_on_commit_callbacks(execute=True):
        return file_case(email=f"citizen{n}@example.tw").case


def test_filings_committed_within_the_delay_share_one_wakeup(broker, django_capture_on_commit_callbacks):
    for n, second in enumerate((0, 0.3, 0.7)):
        broker["at"](second)
        _file(django_capture_on_commit_callbacks, n)
    assert broker["per_message"].call_count == 0
    assert broker["wake"].call_count == 1
    assert broker["wake"].call_args.kwargs["countdown"] == outbox.WAKE_DELAY  # runs after the commits it covers
    assert OutboxMessage.objects.filter(sent_at=None).count() == 3 and mail.outbox == []
    # The worker runs the wake-up: every message it covers goes out, each once.
    assert outbox_send_pending() == 3
    assert sorted(message.to[0] for message in mail.outbox) == [f"citizen{n}@example.tw" for n in range(3)]
    assert OutboxMessage.objects.filter(sent_at=None).count() == 0


def test_a_commit_after_the_wakeup_ran_gets_a_new_one(broker, django_capture_on_commit_callbacks):
    broker["at"](0)
    _file(django_capture_on_commit_callbacks, 1)
    broker["at"](outbox.WAKE_DELAY)  # the first wake-up may have run already: it cannot see this commit
    _file(django_capture_on_commit_callbacks, 2)
    assert broker["wake"].call_count == 2


def test_a_wakeup_that_could_not_be_queued_covers_nothing(broker, django_capture_on_commit_callbacks):
    broker["wake"].side_effect = OperationalError("Connection refused")  # Redis down
    broker["at"](0)
    _file(django_capture_on_commit_callbacks, 1)
    assert OutboxMessage.objects.filter(sent_at=None).count() == 1  # kept for beat's flush
    # Redis is back a moment later: the next commit queues a wake-up at once, which sends both.
    redis_breaker.reset()
    broker["wake"].side_effect = None
    broker["at"](0.1)
    _file(django_capture_on_commit_callbacks, 2)
    assert broker["wake"].call_count == 2
    assert outbox_send_pending() == 2 and len(mail.outbox) == 2


def test_without_a_broker_each_message_is_sent_at_its_commit(django_capture_on_commit_callbacks):
    # Eager Celery (development, these tests): nothing to wake, each message is sent in-process at once.
    for n in range(2):
        _file(django_capture_on_commit_callbacks, n)
    assert len(mail.outbox) == 2
