"""Item 9: request size, text length and form counts are bounded before they cost anything."""

import pytest
from django.conf import settings
from django.urls import reverse

from disputes.models import DisputeCase

from .factories import PDF_BYTES, form_data, issued_token, pdf

pytestmark = pytest.mark.django_db(transaction=True)

BOUNDARY = "BoUnDaRyStRiNg"


def _claiming_length(client, length: int):
    """A POST whose Content-Length says `length` bytes but whose body is tiny: the test client's input stream
    raises if anything tries to read past what is there, so a 413 here proves the body was never read."""
    return client.post(
        reverse("disputes:apply"), data=f"--{BOUNDARY}--\r\n".encode(),
        content_type=f"multipart/form-data; boundary={BOUNDARY}", CONTENT_LENGTH=str(length),
    )


def test_item9_a_200_mb_request_is_refused_from_its_length_before_being_read(client):
    response = _claiming_length(client, 200 * 1024 * 1024)
    assert response.status_code == 413
    assert "資料量過大" in response.text and "55 MB" in response.text


def test_item9_the_refusal_is_in_the_visitors_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = _claiming_length(client, 20 * 9 * 1024 * 1024)
    assert response.status_code == 413 and "too large" in response.text


def test_item9_a_request_just_under_the_cap_goes_through_to_the_form(client):
    data = {**form_data(token=issued_token(client)), "attachments": [pdf()]}
    assert client.post(reverse("disputes:apply"), data).status_code == 302
    assert settings.MAX_REQUEST_BYTES >= 5 * 10 * 1024 * 1024 + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_item9_a_5_mb_account_is_refused_and_not_stored(client):
    response = client.post(reverse("disputes:apply"), form_data(token=issued_token(client), account="訴" * 5_000_000))
    assert response.status_code in (400, 413)
    assert DisputeCase.objects.count() == 0


def test_item9_an_account_over_5000_characters_is_explained_at_the_field(client):
    response = client.post(reverse("disputes:apply"), form_data(token=issued_token(client), account="訴" * 5001))
    assert response.status_code == 400
    assert "5000" in response.text and 'maxlength="5000"' in response.text
    assert DisputeCase.objects.count() == 0


def test_item9_a_huge_total_forms_is_refused_without_building_the_forms(client):
    data = form_data(token=issued_token(client), **{"applicants-TOTAL_FORMS": "100000"})
    response = client.post(reverse("disputes:apply"), data)
    assert response.status_code == 400
    assert "申請人最多 10 位" in response.text
    assert len(response.context["applicants"].forms) <= 10
    assert DisputeCase.objects.count() == 0


def test_item9_a_huge_claims_total_forms_is_refused_too(client):
    data = form_data(token=issued_token(client), **{"claims-TOTAL_FORMS": "100000"})
    response = client.post(reverse("disputes:apply"), data)
    assert response.status_code == 400 and "請求事項最多 20 項" in response.text
    assert len(response.context["claims"].forms) <= 20


def test_item9_dozens_of_files_are_refused_by_the_parser_before_the_form_sees_them(client):
    files = [pdf(name=f"f{n}.pdf", data=PDF_BYTES) for n in range(20)]
    response = client.post(reverse("disputes:apply"), {**form_data(token=issued_token(client)), "attachments": files})
    assert response.status_code == 400
    assert 'name="submission_token"' not in response.text  # never reached the form
    assert DisputeCase.objects.count() == 0
