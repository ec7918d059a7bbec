"""The confirmation e-mail: sent after the filing commits, never lost when the broker is down, sent once."""

from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from kombu.exceptions import OperationalError

from disputes.models import DisputeCase
from labor_portal.cases.models import OutboxMessage as ConfirmationEmail
from labor_portal.cases.outbox import outbox_send
from labor_portal.cases.tasks import outbox_message_send as send_confirmation_email
from labor_portal.cases.tasks import outbox_send_pending as send_pending_confirmation_emails

from .factories import file_case


@pytest.mark.django_db
def test_nothing_is_sent_before_the_filing_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        file_case()
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_with_the_broker_down_the_filing_succeeds_and_the_flush_sends_later(django_capture_on_commit_callbacks):
    with mock.patch.object(send_confirmation_email, "apply_async", side_effect=OperationalError("redis down")), \
            django_capture_on_commit_callbacks(execute=True):
        filed = file_case()
    assert DisputeCase.objects.filter(pk=filed.case.pk).exists()
    assert mail.outbox == [] and ConfirmationEmail.objects.get().sent_at is None
    call_command("outbox_send_pending")
    assert len(mail.outbox) == 1 and ConfirmationEmail.objects.get().sent_at is not None


@pytest.mark.django_db
def test_each_confirmation_is_sent_exactly_once(django_capture_on_commit_callbacks):
    with mock.patch.object(send_confirmation_email, "apply_async", side_effect=OperationalError("down")), \
            django_capture_on_commit_callbacks(execute=True):
        file_case()
    email = ConfirmationEmail.objects.get()
    assert outbox_send(message_id=email.pk) is True
    assert outbox_send(message_id=email.pk) is False  # a redelivered task
    assert send_pending_confirmation_emails() == 0  # the periodic flush
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_failed_send_is_retried_by_the_flush(django_capture_on_commit_callbacks, settings):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")), \
            django_capture_on_commit_callbacks(execute=True):
        file_case()
    email = ConfirmationEmail.objects.get()
    assert email.sent_at is None and "smtp down" in email.last_error
    assert send_pending_confirmation_emails() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_email_no_outbox_row():
    file_case(email="")
    assert ConfirmationEmail.objects.count() == 0


@pytest.mark.django_db
def test_after_a_broker_failure_filings_do_not_wait_for_it_again(django_capture_on_commit_callbacks):
    with mock.patch.object(send_confirmation_email, "apply_async", side_effect=OperationalError("down")) as publish, \
            django_capture_on_commit_callbacks(execute=True):
        file_case(token="breaker-token-00000000001")
        file_case(token="breaker-token-00000000002")
    assert publish.call_count == 1
    assert ConfirmationEmail.objects.filter(sent_at=None).count() == 2
    assert send_pending_confirmation_emails() == 2
