"""A citizen whose case changes state gets an e-mail in the language they filed in, never lost with Redis down."""

from datetime import date
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from kombu.exceptions import OperationalError

from disputes import services
from disputes.models import DisputeStatus, MediationChannel
from disputes.notifications import dispute_status_email_queue
from labor_portal.cases.models import OutboxMessage
from labor_portal.cases.outbox import outbox_send_pending
from labor_portal.cases.tasks import outbox_message_send
from labor_portal.core.circuit import redis_breaker
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db


def _filed(language="zh-hant", email="ming@example.tw"):
    with translation.override(language):
        case = file_case(email=email).case
    outbox_send_pending()  # the filing's confirmation, out of the way
    mail.outbox.clear()
    return case


def _assign(case):
    return services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人 陳○○",
                                        assigned_on=date(2020, 3, 3))


def test_filing_in_english_gets_english_status_emails(django_capture_on_commit_callbacks):
    case = _filed("en")
    assert case.language == "en"
    with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):  # staff work in zh-Hant
        _assign(case)
    (email,) = mail.outbox
    assert email.to == ["ming@example.tw"] and case.case_number in email.subject
    assert email.subject.startswith("Progress of your labor-dispute mediation case")
    assert "Your case has been assigned; it will be handled by: Mediator of the authority." in email.body
    assert "access code" in email.body and "本局" not in email.body


def test_filing_in_chinese_gets_chinese_status_emails(django_capture_on_commit_callbacks):
    case = _filed("zh-hant")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        _assign(case)
    assert "處理進度通知" in mail.outbox[0].subject and "本局已分案" in mail.outbox[0].body


def test_each_state_a_citizen_is_told_about_sends_one_email(django_capture_on_commit_callbacks):
    case = _filed()
    with django_capture_on_commit_callbacks(execute=True):
        _assign(case)
        services.dispute_case_schedule_session(case=case, held_on=date(2020, 3, 20), place="勞工局調解室")
        services.dispute_case_record_outcome(case=case, outcome=DisputeStatus.NOT_SETTLED,
                                             concluded_on=date(2020, 3, 20))
    bodies = [email.body for email in mail.outbox]
    assert len(bodies) == 3
    assert "本局已分案" in bodies[0]
    assert "調解會議已排定" in bodies[1] and "勞工局調解室" in bodies[1] and "109年3月20日" in bodies[1]
    assert "調解不成立，本案已結案" in bodies[2]
    assert set(OutboxMessage.objects.filter(kind="disputes.status").values_list("context__state", flat=True)) == {
        "assigned", "scheduled", "not_settled"}


def test_a_withdrawal_is_confirmed_by_email(django_capture_on_commit_callbacks):
    case = _filed()
    with django_capture_on_commit_callbacks(execute=True):
        services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 3, 5))
    assert len(mail.outbox) == 1 and "本案已撤回" in mail.outbox[0].body


def test_a_new_filing_gets_its_confirmation_and_no_status_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        file_case()
    assert list(OutboxMessage.objects.values_list("kind", flat=True)) == ["disputes.confirmation"]


def test_an_applicant_without_email_gets_nothing():
    case = _filed(email="")
    _assign(case)
    assert OutboxMessage.objects.count() == 0


def test_with_the_redis_breaker_open_the_status_email_waits_for_the_flush(django_capture_on_commit_callbacks):
    case = _filed()
    redis_breaker.trip()  # Redis failed a moment ago: nothing tries it again for a while
    with mock.patch.object(outbox_message_send, "apply_async") as publish, \
            django_capture_on_commit_callbacks(execute=True):
        _assign(case)
    assert publish.call_count == 0 and mail.outbox == []
    assert OutboxMessage.objects.filter(kind="disputes.status", sent_at=None).count() == 1
    redis_breaker.reset()  # Redis is back: beat's flush runs
    call_command("outbox_send_pending")
    assert len(mail.outbox) == 1 and "本局已分案" in mail.outbox[0].body


def test_with_redis_unreachable_the_change_succeeds_and_the_flush_sends_later(django_capture_on_commit_callbacks):
    case = _filed()
    with mock.patch.object(outbox_message_send, "apply_async", side_effect=OperationalError("Connection refused")), \
            django_capture_on_commit_callbacks(execute=True):
        _assign(case)
    case.refresh_from_db()
    assert case.status == DisputeStatus.ASSIGNED and mail.outbox == []
    redis_breaker.reset()
    call_command("outbox_send_pending")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ming@example.tw"]


def test_states_nobody_is_told_about_write_nothing():
    case = _filed()
    assert dispute_status_email_queue(case=case, state="no-such-state") == 0
    assert dispute_status_email_queue(case=case, state=DisputeStatus.SETTLED) == 1
