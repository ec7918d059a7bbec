"""A citizen who lost the access code gets a new one at the contact given at filing; the old one stops working."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from labor_portal.cases.models import OutboxMessage
from labor_portal.cases.sms import LocmemBackend
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


def _ask(client, number, contact, **extra):
    return client.post(reverse("track-lost-code"), {"case_number": number, "contact": contact}, **extra)


def _track(client, number, code):
    return client.post(reverse("track"), {"case_number": number, "access_code": code})


def _answer(response) -> str:
    """The page's text without what differs between any two responses (the CSRF token, the nonce)."""
    return re.sub(r'(nonce|value|content)="[^"]*"', "", response.text)


def test_a_new_code_goes_to_the_filing_email_and_the_old_one_stops_working(client, django_capture_on_commit_callbacks):
    filed = file_case(email="ming@example.tw")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client, filed.case.case_number, "Ming@Example.tw")
    assert response.status_code == 200 and "M***@Example.tw" in response.text
    [message] = mail.outbox
    assert message.to == ["ming@example.tw"] and filed.case.case_number in message.body
    new_code = CODE.search(message.body).group()
    assert new_code != filed.access_code
    assert _track(client, filed.case.case_number, filed.access_code).status_code == 400
    assert _track(client, filed.case.case_number, new_code).status_code == 302


def test_the_new_code_is_written_nowhere_in_plain_text(client, django_capture_on_commit_callbacks):
    filed = file_case(email="ming@example.tw")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, filed.case.case_number, "ming@example.tw")
    new_code = CODE.search(mail.outbox[0].body).group()
    stored = str(list(OutboxMessage.objects.values())) + str(filed.case.__class__.objects.filter(
        pk=filed.case.pk).values().get())
    assert new_code not in stored and new_code.replace("-", "") not in stored


def test_asking_twice_leaves_only_the_latest_code_working(client, django_capture_on_commit_callbacks):
    # (A message still waiting when the second request comes, e.g. with Redis down, carries the latest code: the
    # code is derived when the message is sent.)
    filed = file_case(email="ming@example.tw")
    mail.outbox.clear()
    for _request in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            _ask(client, filed.case.case_number, "ming@example.tw")
    first, second = (CODE.search(message.body).group() for message in mail.outbox)
    assert _track(client, filed.case.case_number, first).status_code == 400
    assert _track(client, filed.case.case_number, second).status_code == 302


def test_a_case_with_a_phone_only_gets_the_code_by_text_message(client, django_capture_on_commit_callbacks):
    filed = file_case(email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client, filed.case.case_number, "0912-345-678")
    assert "0912-***-678" in response.text
    [sms] = LocmemBackend.outbox
    assert sms["to"] == "0912345678"
    assert _track(client, filed.case.case_number, CODE.search(sms["body"]).group()).status_code == 302
    assert _track(client, filed.case.case_number, filed.access_code).status_code == 400


def test_a_phone_typed_without_dashes_is_masked_as_typed_like_everywhere_else(client):
    # The page's mask is the portal's one (core.validators.mask_phone): the first four and last three digits,
    # in the citizen's own format, so that it is the number they typed that they recognise.
    filed = file_case(email="")
    response = _ask(client, filed.case.case_number, "0912345678")
    assert "0912***678" in response.text and "0912345678" not in response.text


def test_the_answer_reveals_nothing_about_unknown_numbers_or_wrong_contacts(client, django_capture_on_commit_callbacks):
    filed = file_case(email="ming@example.tw")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        unknown = _ask(client, "109-D-999999", "someone@example.tw")
        unknown_kind = _ask(client, "109-Q-000001", "someone@example.tw")
        wrong_contact = _ask(client, filed.case.case_number, "someone@example.tw")
        real = _ask(client, filed.case.case_number, "ming@example.tw")
    assert unknown.status_code == unknown_kind.status_code == wrong_contact.status_code == real.status_code == 200
    assert _answer(unknown) == _answer(unknown_kind) == _answer(wrong_contact)
    # The one that matched says the same, only about the address typed in.
    assert _answer(real) == _answer(wrong_contact).replace("s***@example.tw", "m***@example.tw")
    assert len(mail.outbox) == 1
    # Nothing changed for the case whose contact did not match before the last request.
    assert _track(client, filed.case.case_number, filed.access_code).status_code == 400


def test_a_wrong_contact_leaves_the_code_working(client):
    filed = file_case(email="ming@example.tw")
    _ask(client, filed.case.case_number, "someone@example.tw")
    assert _track(client, filed.case.case_number, filed.access_code).status_code == 302


def test_requests_for_one_number_are_limited_whoever_asks(client):
    filed = file_case(email="ming@example.tw")
    answers = [
        _ask(client, filed.case.case_number, "x@example.tw", REMOTE_ADDR=f"203.0.113.{n}").status_code
        for n in range(1, 5)
    ]
    assert answers == [200, 200, 200, 429]
    # An unknown number is limited the same way, so the limit tells nothing either.
    unknown = [_ask(client, "109-D-999999", "x@example.tw", REMOTE_ADDR=f"198.51.100.{n}").status_code
               for n in range(1, 5)]
    assert unknown == answers


def test_requests_from_one_address_are_limited(client):
    answers = [_ask(client, f"109-D-00000{n}", "x@example.tw").status_code for n in range(1, 8)]
    assert answers[:5] == [200] * 5 and answers[5:] == [429, 429]


def test_resending_the_filing_after_a_reissue_shows_the_current_code():
    from disputes import services
    from labor_portal.cases.codes import access_code_reissue

    filed = file_case(token="resend-token-000000000000")
    new_code = access_code_reissue(kind="D", case=filed.case)
    again = file_case(token="resend-token-000000000000")
    assert again.case.pk == filed.case.pk and again.access_code == new_code
    assert services.DISPUTE_KIND == "D"
