"""A citizen files an application online: one case per submission, nothing stored from bad input."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from disputes import services
from disputes.models import Applicant, Attachment, ClaimItem, DisputeCase, DisputeStatus
from labor_portal.cases.models import OutboxMessage as ConfirmationEmail

from .factories import PDF_BYTES, PNG_BYTES, big_file, file_case, form_data, issued_token, pdf

pytestmark = pytest.mark.django_db(transaction=True)


def _post(client, data, **kwargs):
    """Post the form as a browser that opened the page first; a test's own token (double submit) is kept."""
    if data["submission_token"] == form_data()["submission_token"]:
        data = {**data, "submission_token": issued_token(client)}
    return client.post(reverse("disputes:apply"), data, **kwargs)


def test_the_form_is_labelled_grouped_and_carries_a_token_and_a_honeypot(client):
    html = client.get(reverse("disputes:apply")).text
    assert "<legend>申請人</legend>" in html and "<fieldset>" in html
    assert 'name="submission_token"' in html and 'name="website"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_applicants-0-personal_id">' in html


def test_a_valid_application_gets_a_case_number_and_an_access_code(client):
    response = _post(client, {**form_data(), "attachments": [pdf()]}, follow=True)
    assert response.status_code == 200
    case = DisputeCase.objects.get()
    assert case.status == DisputeStatus.RECEIVED
    assert case.case_number in response.text and case.case_number.split("-")[1] == "D"
    code = response.context["access_code"]
    assert code in response.text and code not in case.access_code_hash
    assert case.categories == ["contract", "wages"]
    assert Applicant.objects.get().name == "王小明" and ClaimItem.objects.get().amount == 52000
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf" and attachment.original_name == "contract.pdf"
    assert "contract" not in attachment.file.name  # stored under a random name


def test_reloading_the_result_page_does_not_file_again(client):
    _post(client, form_data())
    first = client.get(reverse("disputes:filed"))
    second = client.get(reverse("disputes:filed"))
    assert DisputeCase.objects.count() == 1
    assert first.context["access_code"] == second.context["access_code"]


def test_a_double_submit_creates_one_case_and_shows_the_same_code(client):
    token = issued_token(client)
    _post(client, form_data(token=token))
    first = client.get(reverse("disputes:filed")).context
    _post(client, form_data(token=token))
    second = client.get(reverse("disputes:filed")).context
    assert DisputeCase.objects.count() == 1
    assert (first["case"].pk, first["access_code"]) == (second["case"].pk, second["access_code"])
    assert ConfirmationEmail.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("applicants-0-personal_id", "A123456788", "身分證統一編號或居留證號碼不正確"),
        ("respondent_business_number", "12345678", "統一編號不正確"),
        ("applicants-0-name", "", "此為必需欄位"),
        ("consent", "", "請勾選同意個人資料告知事項"),
    ],
)
def test_bad_input_is_explained_at_the_field_and_nothing_is_stored(client, field, value, message):
    response = _post(client, form_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert DisputeCase.objects.count() == 0 and Applicant.objects.count() == 0


def test_messages_follow_the_page_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = _post(client, form_data(**{"applicants-0-personal_id": "A123456788"}))
    assert "ID or resident certificate number is not valid" in response.text


def test_a_file_is_judged_by_its_content_not_its_name(client):
    fake = pdf(name="payslip.pdf", data=b"MZ\x90\x00 this is an executable")
    response = _post(client, {**form_data(), "attachments": [fake]})
    assert response.status_code == 400
    assert "不是 PDF、JPEG 或 PNG 檔案" in response.text
    assert DisputeCase.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_png_named_txt_is_accepted_as_png(client):
    image = pdf(name="photo.txt", data=PNG_BYTES)
    _post(client, {**form_data(), "attachments": [image]})
    assert Attachment.objects.get().content_type == "image/png"


def test_a_file_over_10_mb_is_refused(client):
    response = _post(client, {**form_data(), "attachments": [big_file(10 * 1024 * 1024 + 1)]})
    assert response.status_code == 400 and "超過 10 MB" in response.text
    assert DisputeCase.objects.count() == 0


def test_at_most_five_attachments(client):
    files = [pdf(name=f"f{n}.pdf", data=PDF_BYTES) for n in range(6)]
    response = _post(client, {**form_data(), "attachments": files})
    assert response.status_code == 400 and "附件最多 5 個" in response.text


def test_several_workers_may_apply_together(client):
    _post(client, form_data(**{
        "applicants-1-name": "林美玲", "applicants-1-personal_id": "B223456782", "applicants-1-birth_date": "1990-01-01",
        "applicants-1-phone": "0922000000", "applicants-1-address": "高雄市前鎮區",
    }))
    assert list(Applicant.objects.values_list("name", flat=True)) == ["王小明", "林美玲"]


def test_the_honeypot_drops_the_application(client):
    response = _post(client, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert DisputeCase.objects.count() == 0


def test_filings_are_rate_limited_per_ip_with_a_friendly_page(client, settings):
    settings.RATE_LIMITS = {"disputes.apply": "2/m"}
    for _n in range(2):
        _post(client, form_data())
    response = _post(client, form_data())
    assert response.status_code == 429
    assert "請稍候幾分鐘再試" in response.text
    assert DisputeCase.objects.count() == 2


def test_the_confirmation_email_is_sent_after_commit_without_the_access_code(client):
    _post(client, form_data())
    case = DisputeCase.objects.get()
    assert len(mail.outbox) == 1
    assert case.case_number in mail.outbox[0].subject and mail.outbox[0].to == ["ming@example.tw"]
    assert ConfirmationEmail.objects.get().sent_at is not None
    code = client.get(reverse("disputes:filed")).context["access_code"]
    assert code not in mail.outbox[0].body


def test_the_english_page_explains_a_wrong_file_type_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Account of the dispute" in client.get(reverse("disputes:apply")).text
    fake = pdf(name="cv.pdf", data=b"plain text, not a PDF")
    response = _post(client, {**form_data(), "attachments": [fake]})
    assert "“cv.pdf” is not a PDF, JPEG or PNG file." in response.text


def test_a_filing_that_fails_leaves_no_file_behind(settings):
    with mock.patch.object(services, "_confirmation_email_queue", side_effect=RuntimeError("database gone")), \
            pytest.raises(RuntimeError):
        file_case(files=[pdf()])
    assert DisputeCase.objects.count() == 0 and Attachment.objects.count() == 0
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]
