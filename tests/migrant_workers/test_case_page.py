"""A worker attaches documents to the complaint and withdraws it from its page (/track/ → the case page), in
their language, with the case kit's attachments and state log (issue 13)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from migrant_workers import services
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus

from .factories import file_complaint
from .test_translations import untranslated

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pdf(name="payslip.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _tracked(client, language="vi"):
    """File in `language`, open the case through /track/; returns (case, case page URL)."""
    client.cookies["django_language"] = language
    page = file_complaint(client).content.decode()
    case = MigrantComplaint.objects.get()
    code = re.search(r'id="access-code">([^<]+)<', page)[1]
    opened = client.post(reverse("track"), {"case_number": case.case_number, "access_code": code})
    assert opened.status_code == 302
    return case, opened["Location"]


def test_a_worker_attaches_a_document_and_downloads_it_back(client):
    case, _url = _tracked(client)
    response = client.post(reverse("migrant_workers:case-add-documents", args=[case.pk]),
                           {"attachments": [_pdf()]})
    assert response.status_code == 302
    attachment = case.attachments.get()
    assert attachment.content_type == "application/pdf" and attachment.original_name == "payslip.pdf"
    page = client.get(response["Location"]).content.decode()
    assert "payslip.pdf" in page and untranslated(page) == []
    download = client.get(reverse("migrant_workers:case-attachment", args=[case.pk, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_file_that_is_not_a_document_is_refused_in_the_workers_language(client):
    case, _url = _tracked(client, "th")
    response = client.post(reverse("migrant_workers:case-add-documents", args=[case.pk]),
                           {"attachments": [_pdf("evil.pdf", b"MZ\x90\x00 not a pdf")]})
    assert response.status_code == 400
    assert "PDF" in response.content.decode() and untranslated(response.content.decode()) == []
    assert case.attachments.count() == 0


def test_someone_without_the_access_code_can_neither_attach_nor_withdraw(client):
    case, _url = _tracked(client)
    stranger = Client()
    assert stranger.post(reverse("migrant_workers:case-withdraw", args=[case.pk]), {"confirm": "on"}).status_code == 404
    assert stranger.post(reverse("migrant_workers:case-add-documents", args=[case.pk]),
                         {"attachments": [_pdf()]}).status_code == 404
    case.refresh_from_db()
    assert case.status == MigrantComplaintStatus.RECEIVED and case.attachments.count() == 0


def test_a_worker_withdraws_the_complaint_and_it_is_logged(client, django_capture_on_commit_callbacks):
    case, _url = _tracked(client, "id")
    unconfirmed = client.post(reverse("migrant_workers:case-withdraw", args=[case.pk]), {})
    assert unconfirmed.status_code == 400 and untranslated(unconfirmed.content.decode()) == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("migrant_workers:case-withdraw", args=[case.pk]), {"confirm": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == MigrantComplaintStatus.WITHDRAWN and case.is_concluded
    assert case.state_changes.order_by("-changed_at", "-pk").first().to_state == MigrantComplaintStatus.WITHDRAWN
    page = client.get(response["Location"]).content.decode()
    assert "Ditarik kembali" in page and "/withdraw/" not in page
    # Concluded: no more documents, and a second withdrawal is refused.
    late = client.post(reverse("migrant_workers:case-add-documents", args=[case.pk]), {"attachments": [_pdf()]})
    assert late.status_code == 400 and case.attachments.count() == 0
    with pytest.raises(ValidationError):
        services.complaint_withdraw(case=case)
