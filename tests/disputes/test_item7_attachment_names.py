"""Item 7: an attachment is stored and served under its detected type, never under the name it came with."""

from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from disputes.models import Attachment

from .factories import PDF_BYTES, PNG_BYTES, file_case, form_data, issued_token, pdf

pytestmark = pytest.mark.django_db(transaction=True)


def _disposition(response) -> str:
    return unquote(response["Content-Disposition"])


def _track(client, filed):
    client.post(reverse("track"), {"case_number": filed.case.case_number, "access_code": filed.access_code})


def test_item7_a_pdf_named_hta_is_stored_and_served_as_a_pdf(client):
    data = {**form_data(token=issued_token(client)), "attachments": [pdf(name="readme.hta")]}
    client.post(reverse("disputes:apply"), data)
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith(".pdf") and attachment.original_name == "readme.hta"
    case = attachment.case
    client.post(reverse("track"), {"case_number": case.case_number,
                                   "access_code": client.get(reverse("disputes:filed")).context["access_code"]})
    download = client.get(reverse("disputes:case-attachment", args=[case.pk, attachment.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert "附件-1.pdf" in _disposition(download) and "hta" not in _disposition(download)
    # The original name stays visible as text on the case page.
    assert "readme.hta" in client.get(reverse("disputes:case", args=[case.pk])).text


def test_item7_the_english_download_is_named_attachment_n(client):
    filed = file_case(files=[pdf(name="a.pdf"), pdf(name="photo.exe", data=PNG_BYTES)])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    _track(client, filed)
    png = Attachment.objects.get(original_name="photo.exe")
    assert png.file.name.endswith(".png")
    download = client.get(reverse("disputes:case-attachment", args=[filed.case.pk, png.pk]))
    assert download["Content-Type"] == "image/png"
    assert 'filename="attachment-2.png"' in download["Content-Disposition"]


def test_item7_a_file_stored_before_the_fix_is_served_by_its_content(client):
    """Old rows: a file without extension, and a type that came from the browser."""
    filed = file_case()
    name = default_storage.save(f"disputes/{filed.case.pk}/0123456789abcdef", ContentFile(PDF_BYTES))
    old = Attachment.objects.create(case=filed.case, file=name, original_name="invoice.html", content_type="text/html",
                                    size=len(PDF_BYTES))
    _track(client, filed)
    download = client.get(reverse("disputes:case-attachment", args=[filed.case.pk, old.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert _disposition(download).endswith('附件-1.pdf') and "html" not in _disposition(download)


def test_item7_the_staff_download_is_named_by_its_type_too(client, dispute_clerk):
    filed = file_case(files=[pdf(name="薪資單 王小明.pdf")])
    attachment = Attachment.objects.get()
    client.force_login(dispute_clerk)
    url = reverse("admin:disputes_disputecase_attachment", args=[filed.case.pk, attachment.pk])
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "附件-1.pdf" in _disposition(download) and "王小明" not in _disposition(download)
