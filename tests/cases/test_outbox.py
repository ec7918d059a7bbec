"""The outbox: every message to a citizen is sent after its transaction commits, never lost, recognisably once."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from labor_portal.cases import outbox
from labor_portal.cases.models import OutboxMessage
from labor_portal.cases.outbox import message_queue, outbox_send, outbox_send_pending
from tests.disputes.factories import VALID_ID, file_case

pytestmark = pytest.mark.django_db


def _case():
    with mock.patch.object(outbox, "_message_enqueue"):  # the filing's own confirmation stays pending
        case = file_case(email="").case
    return case


def _queue(case, **overrides):
    return message_queue(**{"case": case, "recipient": "ming@example.tw", "kind": "disputes.confirmation",
                            "template": "disputes/email/confirmation", **overrides})


def test_a_message_is_sent_only_after_its_transaction_commits(django_capture_on_commit_callbacks):
    case = _case()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = _queue(case)
        assert mail.outbox == []  # not before commit: a rolled-back change tells nobody anything
    assert len(mail.outbox) == 1 and case.case_number in mail.outbox[0].subject
    assert OutboxMessage.objects.get(pk=message.pk).sent_at is not None


def test_a_rolled_back_change_leaves_no_message(django_capture_on_commit_callbacks):
    case = _case()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _queue(case)
        raise RuntimeError("the change failed")
    assert OutboxMessage.objects.count() == 0 and mail.outbox == []


def test_the_email_carries_the_rows_message_id():
    message = _queue(_case())
    assert outbox_send(message_id=message.pk) is True
    sent = mail.outbox[0].message()
    assert sent["Message-ID"] == message.message_id and message.message_id.endswith("@labor.kcg.gov.tw>")


def test_a_resend_after_the_sent_mark_was_lost_is_the_same_message():
    """The restart drill: PostgreSQL stopped between the SMTP send and the UPDATE; the citizen got two e-mails."""
    message = _queue(_case())
    with mock.patch.object(outbox, "_sent_mark", side_effect=OperationalError("server closed the connection")), \
            pytest.raises(OperationalError):
        outbox_send(message_id=message.pk)
    assert outbox_send_pending() == 0  # the lease still holds: no second sender meanwhile
    OutboxMessage.objects.filter(pk=message.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert outbox_send_pending() == 1
    first, second = (email.message()["Message-ID"] for email in mail.outbox)
    assert first == second == message.message_id  # the mail client shows it once
    assert OutboxMessage.objects.get(pk=message.pk).sent_at is not None


def test_two_senders_of_one_message_send_it_once():
    message = _queue(_case())
    assert outbox_send(message_id=message.pk) is True
    assert outbox_send(message_id=message.pk) is False  # a redelivered task
    assert outbox_send_pending() == 0
    assert len(mail.outbox) == 1


def test_a_failed_send_keeps_its_error_and_the_flush_retries_it():
    message = _queue(_case())
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")):
        assert outbox_send(message_id=message.pk) is False
    failed = OutboxMessage.objects.get(pk=message.pk)
    assert failed.sent_at is None and "smtp down" in failed.last_error and failed.attempts == 1
    assert outbox_send_pending() == 1
    sent = OutboxMessage.objects.get(pk=message.pk)
    assert (sent.attempts, sent.last_error, len(mail.outbox)) == (2, "", 1)


def test_the_flush_command_sends_every_pending_message_of_every_kind():
    case = _case()
    _queue(case)
    _queue(case, kind="disputes.status", template="disputes/email/status", context={"state": "assigned"})
    call_command("outbox_send_pending")
    assert len(mail.outbox) == 2 and not OutboxMessage.objects.filter(sent_at=None).exists()


def test_beat_flushes_the_outbox_every_minute(settings):
    from labor_portal.celery import app

    entries = [entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == "cases.outbox_send_pending"]
    assert entries and entries[0]["schedule"] <= 60
    assert "cases.outbox_send_pending" in app.tasks
    assert not any(entry["task"].startswith("disputes.send_") for entry in settings.CELERY_BEAT_SCHEDULE.values())


def test_a_message_is_written_in_its_language_not_the_senders():
    message = _queue(_case(), language="en")
    with translation.override("zh-hant"):
        outbox_send(message_id=message.pk)
    assert "Labor-dispute mediation application received" in mail.outbox[0].subject


def test_a_message_about_a_deleted_case_is_dropped_not_retried():
    case = _case()
    message = _queue(case)
    case.delete()
    assert outbox_send(message_id=message.pk) is False
    assert not OutboxMessage.objects.filter(pk=message.pk).exists() and mail.outbox == []


def _paper_case_form(email: str) -> dict:
    data = {
        "filed_via": "paper", "filed_on": "2020-05-04", "main_category": "occupational_injury",
        "categories": ["occupational_injury"], "account": "紙本申請", "respondent_name": "示範工程行",
        "respondent_business_number": "", "status": "received", "channel": "", "mediation_body": "",
        "assigned_on": "", "concluded_on": "", "settled_amount": "", "staff_notes": "", "reopen_reason": "",
        "applicants-TOTAL_FORMS": 1, "applicants-INITIAL_FORMS": 0, "applicants-MIN_NUM_FORMS": 1,
        "applicants-MAX_NUM_FORMS": 1000, "applicants-0-kind": "worker", "applicants-0-name": "林大同",
        "applicants-0-personal_id": VALID_ID, "applicants-0-birth_date": "1970-01-01",
        "applicants-0-phone": "07-1234567", "applicants-0-email": email, "applicants-0-address": "高雄市鳳山區",
    }
    for prefix in ("claims", "sessions", "attachments", "reopenings"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 0,
                     f"{prefix}-MAX_NUM_FORMS": 1000})
    return data


def test_a_paper_case_with_an_email_gets_the_confirmation(client, dispute_clerk, django_capture_on_commit_callbacks):
    client.force_login(dispute_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:disputes_disputecase_add"), _paper_case_form("tung@example.tw"))
    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert (message.kind, message.recipient, message.section) == ("disputes.confirmation", "tung@example.tw",
                                                                  "disputes")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["tung@example.tw"]


def test_a_paper_case_without_an_email_writes_no_message(client, dispute_clerk):
    client.force_login(dispute_clerk)
    assert client.post(reverse("admin:disputes_disputecase_add"), _paper_case_form("")).status_code == 302
    assert OutboxMessage.objects.count() == 0
