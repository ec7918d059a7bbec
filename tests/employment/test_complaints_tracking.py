"""A complainant follows the case at /track/, adds documents, withdraws it, and is e-mailed at each state change
in the language they filed in."""

import uuid
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from employment import services
from employment.models import ComplaintStatus, HarassmentAttachment
from labor_portal.cases.models import OutboxMessage

from .complaints_helpers import PNG_BYTES, file_complaint, isolated, pdf  # noqa: F401

pytestmark = pytest.mark.django_db


def _open(client, case_number, code):
    return client.post(reverse("track"), {"case_number": case_number, "access_code": code})


@pytest.mark.parametrize("slug", ["discrimination", "harassment", "scam"])
def test_number_and_code_open_the_complaint_and_never_staff_notes(client, slug, django_user_model):
    filed = file_complaint(slug)
    case = filed.case
    clerk = django_user_model.objects.create_user("clerk")
    services.complaint_assign(case=case, handler=clerk, assigned_on=date(2024, 7, 3))
    type(case).objects.filter(pk=case.pk).update(staff_notes="內部註記：雇主有前科")
    response = _open(client, case.case_number, filed.access_code.lower().replace("-", ""))
    assert response.status_code == 302 and response["Location"] == reverse("employment:case", args=[slug, case.pk])
    page = client.get(response["Location"]).text
    assert "已分案調查中" in page and "113年7月3日" in page and "113年9月3日" in page  # due in two months
    assert "內部註記" not in page


def test_a_wrong_code_opens_nothing_and_pages_cannot_be_guessed(client):
    mine, theirs = file_complaint("scam", token="token-of-mine-0000000000"), file_complaint(
        "scam", token="token-of-theirs-000000000")
    response = _open(client, theirs.case.case_number, mine.access_code)
    assert response.status_code == 400
    assert client.get(reverse("employment:case", args=["scam", theirs.case.pk])).status_code == 404
    assert client.get(reverse("employment:case", args=["scam", uuid.uuid4()])).status_code == 404
    _open(client, mine.case.case_number, mine.access_code)
    # Opened as a scam complaint: the same id under another kind is not found.
    assert client.get(reverse("employment:case", args=["harassment", mine.case.pk])).status_code == 404
    assert client.get(reverse("employment:case", args=["nonsense", mine.case.pk])).status_code == 404


def test_the_complainant_adds_a_document_and_downloads_it(client):
    filed = file_complaint("harassment")
    _open(client, filed.case.case_number, filed.access_code)
    response = client.post(reverse("employment:case-add-documents", args=["harassment", filed.case.pk]),
                           {"attachments": [pdf(name="line-chat.png", data=PNG_BYTES)]})
    assert response.status_code == 302
    attachment = HarassmentAttachment.objects.get()
    download = client.get(reverse("employment:case-attachment", args=["harassment", filed.case.pk, attachment.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == PNG_BYTES


def test_a_document_that_is_not_a_pdf_or_image_is_refused(client):
    filed = file_complaint("scam")
    _open(client, filed.case.case_number, filed.access_code)
    response = client.post(reverse("employment:case-add-documents", args=["scam", filed.case.pk]),
                           {"attachments": [pdf(data=b"MZ\x90\x00 exe")]})
    assert response.status_code == 400 and "不是 PDF、JPEG 或 PNG 檔案" in response.text


def test_the_complainant_withdraws_and_is_told_by_e_mail(client, django_capture_on_commit_callbacks):
    filed = file_complaint("discrimination")
    _open(client, filed.case.case_number, filed.access_code)
    url = reverse("employment:case-withdraw", args=["discrimination", filed.case.pk])
    assert client.post(url, {}).status_code == 400  # unconfirmed
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    case = type(filed.case).objects.get()
    assert case.status == ComplaintStatus.WITHDRAWN and case.concluded_on is not None
    assert [c.to_state for c in case.state_changes.order_by("pk")] == ["received", "withdrawn"]
    assert case.state_changes.last().changed_by is None  # the citizen did it
    assert len(mail.outbox) == 1 and "撤回" in mail.outbox[0].body
    page = client.get(reverse("employment:case", args=["discrimination", case.pk])).text
    assert "確認撤回" not in page and "補充文件" not in page
    assert client.post(url, {"confirm": "on"}).status_code == 400


def test_status_e_mails_are_written_in_the_filing_language(django_capture_on_commit_callbacks, django_user_model):
    with translation.override("en"):
        english = file_complaint("harassment", complainant_email="en@example.tw").case
    chinese = file_complaint("harassment", complainant_email="zh@example.tw").case
    clerk = django_user_model.objects.create_user("clerk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for case in (english, chinese):
            services.complaint_assign(case=case, handler=clerk, assigned_on=date(2024, 7, 2))
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_decide(case=english, outcome=ComplaintStatus.SUBSTANTIATED, concluded_on=date(2024, 8, 1))
    sent = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    assert "職場性騷擾申訴" in sent["zh@example.tw"].subject and "承辦人進行調查" in sent["zh@example.tw"].body
    english_mails = [m for m in mail.outbox if m.to == ["en@example.tw"]]
    assert all("Sexual harassment complaint" in m.subject for m in english_mails)
    assert "a handler is investigating" in english_mails[0].body
    assert "found substantiated" in english_mails[1].body
    assert OutboxMessage.objects.filter(language="en").count() == 3  # confirmation + two states


def test_no_e_mail_address_no_messages():
    file_complaint("scam", complainant_email="")
    assert OutboxMessage.objects.count() == 0


def test_a_scam_complaint_cannot_be_referred_to_the_committee(django_user_model):
    case = file_complaint("scam").case
    with pytest.raises(Exception, match="不提送"):
        services.complaint_refer(case=case)
    case.refresh_from_db()
    assert case.status == ComplaintStatus.RECEIVED and case.state_changes.count() == 1


def test_investigation_deadline_is_extended_once(django_user_model):
    case = file_complaint("discrimination").case
    services.complaint_assign(case=case, handler=django_user_model.objects.create_user("clerk"),
                              assigned_on=date(2024, 12, 31))
    case.refresh_from_db()
    assert case.investigation_due_on == date(2025, 2, 28)  # two months, the month's last day
    services.complaint_extend(case=case, reason="需再約談證人")
    case.refresh_from_db()
    assert case.investigation_due_on == date(2025, 3, 28) and case.investigation_extended
    with pytest.raises(Exception, match="延長過一次"):
        services.complaint_extend(case=case, reason="again")
