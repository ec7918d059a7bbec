"""A citizen follows their case with its number and access code, and only their own case."""

import uuid
from datetime import date

import pytest
from django.urls import reverse

from disputes import services
from disputes.models import Attachment, DisputeStatus

from .factories import PNG_BYTES, concluded_case, file_case, pdf

pytestmark = pytest.mark.django_db


def _open(client, case_number, code):
    return client.post(reverse("track"), {"case_number": case_number, "access_code": code})


def test_number_and_code_open_the_case_with_its_dates_and_never_staff_notes(client):
    filed = file_case()
    case = filed.case
    services.dispute_case_assign(case=case, channel="committee", mediation_body="調解委員會", assigned_on=date(2020, 3, 5))
    services.dispute_case_schedule_session(case=case, held_on=date(2020, 3, 20), place="勞工局第一調解室")
    case.refresh_from_db()
    case.staff_notes = "雇主態度強硬，內部註記"
    case.save()
    response = _open(client, case.case_number, filed.access_code.lower().replace("-", ""))
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    assert "已排定調解會議" in page and "勞工局第一調解室" in page and "109年3月20日" in page
    assert "調解委員會" in page
    assert "內部註記" not in page
    # The kit's withdrawal, in the section's word for its case.
    assert "我確定要撤回這件調解申請。" in page


def test_a_wrong_access_code_opens_nothing(client):
    mine, theirs = file_case(token="token-of-mine-0000000000"), file_case(token="token-of-theirs-000000000")
    response = _open(client, theirs.case.case_number, mine.access_code)
    assert response.status_code == 400 and "案件編號或查詢碼不正確" in response.text
    assert client.get(reverse("disputes:case", args=[theirs.case.pk])).status_code == 404


def test_case_pages_cannot_be_reached_by_guessing(client):
    filed = file_case()
    assert client.get(reverse("disputes:case", args=[filed.case.pk])).status_code == 404
    assert client.get(reverse("disputes:case", args=[uuid.uuid4()])).status_code == 404
    assert client.get(f"/disputes/track/{1}/").status_code == 404
    # Opening one case does not open the next one.
    _open(client, filed.case.case_number, filed.access_code)
    other = file_case(token="another-token-00000000000")
    assert client.get(reverse("disputes:case", args=[other.case.pk])).status_code == 404


def test_the_applicant_adds_a_document_and_downloads_it(client):
    filed = file_case()
    _open(client, filed.case.case_number, filed.access_code)
    url = reverse("disputes:case-add-documents", args=[filed.case.pk])
    response = client.post(url, {"attachments": [pdf(name="scan.png", data=PNG_BYTES)]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    download = client.get(reverse("disputes:case-attachment", args=[filed.case.pk, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG_BYTES
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]


def test_a_stranger_cannot_download_an_attachment(client):
    filed = file_case(files=[pdf()])
    attachment = Attachment.objects.get()
    assert client.get(reverse("disputes:case-attachment", args=[filed.case.pk, attachment.pk])).status_code == 404


def test_the_applicant_withdraws_an_open_case(client):
    filed = file_case()
    _open(client, filed.case.case_number, filed.access_code)
    response = client.post(reverse("disputes:case-withdraw", args=[filed.case.pk]), {"confirm": "on"}, follow=True)
    assert "撤回" in response.text
    filed.case.refresh_from_db()
    assert filed.case.status == DisputeStatus.WITHDRAWN and filed.case.concluded_on is not None


def test_a_concluded_case_takes_no_more_documents(client):
    # The page no longer offers the form; a request sent from a page opened before the case concluded is refused
    # by the kit's check (labor_portal.cases.documents), as for every section.
    case = concluded_case()
    session = client.session  # as if opened with its code
    session["disputes_tracked_cases"] = [str(case.pk)]
    session.save()
    response = client.post(reverse("disputes:case-add-documents", args=[case.pk]), {"attachments": [pdf()]})
    assert response.status_code == 400 and case.attachments.count() == 0


def test_a_concluded_case_cannot_be_withdrawn(client):
    case = concluded_case()
    session = client.session  # as if opened with its code
    session["disputes_tracked_cases"] = [str(case.pk)]
    session.save()
    response = client.post(reverse("disputes:case-withdraw", args=[case.pk]), {"confirm": "on"})
    assert response.status_code == 400 and "已結案，無法撤回" in response.text
    case.refresh_from_db()
    assert case.status == DisputeStatus.SETTLED
