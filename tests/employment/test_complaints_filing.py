"""A citizen files each kind of complaint online: one case per submission, a kind letter, plain errors in the
page's language, and a harassment complaint that appears out of time said so plainly but still accepted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from employment.models import (
    ComplaintStatus,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamAttachment,
    ScamComplaint,
)
from labor_portal.cases.models import OutboxMessage

from .complaints_helpers import MODELS, form_data, isolated, issued_token, learned_on_for_deadline, png, post_form  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("slug", "letter"), [("discrimination", "E"), ("harassment", "H"), ("scam", "S")])
def test_each_kind_files_with_its_own_letter_and_shows_the_access_code_once(client, slug, letter):
    response = post_form(client, slug, form_data(slug), follow=True)
    assert response.status_code == 200
    case = MODELS[slug].objects.get()
    assert case.case_number.split("-")[1] == letter and case.case_number in response.text
    assert case.status == ComplaintStatus.RECEIVED and case.state_changes.get().to_state == "received"
    code = response.context["access_code"]
    assert code in response.text and code not in case.access_code_hash
    assert OutboxMessage.objects.get().recipient == "ming@example.tw"


def test_the_front_page_lists_the_three_complaint_forms(client):
    html = client.get("/").text
    for slug in ("discrimination", "harassment", "scam"):
        assert reverse(f"employment:{slug}-apply") in html


def test_discrimination_grounds_are_kept_and_the_first_in_the_acts_order_is_the_main_one(client):
    post_form(client, "discrimination", form_data("discrimination", grounds=["age", "gender"]))
    case = DiscriminationComplaint.objects.get()
    assert sorted(case.grounds) == ["age", "gender"] and case.main_ground == "gender"


def test_a_pay_range_complaint_without_a_ground_counts_as_another_act(client):
    post_form(client, "discrimination", form_data("discrimination", grounds=[], other_acts=["no_pay_range"],
                                                  offered_monthly_pay="32000"))
    case = DiscriminationComplaint.objects.get()
    assert case.main_ground == "other_acts" and case.other_acts == ["no_pay_range"]


def test_a_discrimination_complaint_needs_a_ground_or_an_act(client):
    response = post_form(client, "discrimination", form_data("discrimination", grounds=[]))
    assert response.status_code == 400 and "請至少勾選一項歧視事由" in response.text
    assert DiscriminationComplaint.objects.count() == 0


@pytest.mark.parametrize(
    ("slug", "field", "value", "zh", "en"),
    [
        ("discrimination", "complainant_personal_id", "A123456788", "身分證統一編號或居留證號碼不正確",
         "ID or resident certificate number is not valid"),
        ("scam", "employer_business_number", "12345678", "統一編號不正確", "business number"),
        ("scam", "ad_text", "", "請貼上廣告內容、填寫網址或上傳截圖", "Paste the advertisement"),
        ("harassment", "consent", "", "請勾選同意個人資料告知事項", "personal data"),
        ("discrimination", "grounds", [], "請至少勾選一項歧視事由", "Tick at least one ground"),
    ],
)
def test_bad_input_is_explained_in_the_page_language_and_nothing_is_stored(client, slug, field, value, zh, en):
    overrides = {field: value}
    if field == "ad_text":
        overrides["ad_url"] = ""
    response = post_form(client, slug, form_data(slug, **overrides))
    assert response.status_code == 400 and zh in response.text and 'aria-invalid="true"' in response.text
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = post_form(client, slug, form_data(slug, **overrides))
    assert response.status_code == 400 and en in response.text
    assert MODELS[slug].objects.count() == 0


def test_the_english_page_files_in_english_and_the_case_keeps_its_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = post_form(client, "harassment", form_data("harassment"), follow=True)
    assert "Sexual harassment complaint" in response.text
    assert HarassmentComplaint.objects.get().language == "en"


def _harassment_dates(last_day, **overrides):
    learned = learned_on_for_deadline(last_day, 2)
    return form_data("harassment", route="employer_failed", learned_on=learned.isoformat(),
                     act_ended_on=learned.isoformat(), **overrides)


def test_on_the_last_day_a_harassment_complaint_is_in_time(client):
    today = timezone.localdate()
    response = post_form(client, "harassment", _harassment_dates(today), follow=True)
    case = HarassmentComplaint.objects.get()
    assert case.filing_deadline == today and case.appears_late is False
    assert 'id="appears-late"' not in response.text


def test_a_day_late_the_form_says_so_plainly_and_files_once_acknowledged(client):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = post_form(client, "harassment", _harassment_dates(yesterday))
    assert response.status_code == 400
    assert "似已逾申訴期限" in response.text and yesterday.isoformat() in response.text
    assert "性別平等工作法第32條之1第2項第1款" in response.text
    assert HarassmentComplaint.objects.count() == 0
    response = post_form(client, "harassment", _harassment_dates(yesterday, acknowledge_late="on"), follow=True)
    case = HarassmentComplaint.objects.get()
    assert case.appears_late is True and case.filing_deadline == yesterday
    assert 'id="appears-late"' in response.text


def test_the_out_of_time_warning_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = post_form(client, "harassment", _harassment_dates(timezone.localdate() - timedelta(days=1)))
    assert "appears to be out of time" in response.text


def test_a_minor_victim_must_give_a_birth_date(client):
    response = post_form(client, "harassment", form_data("harassment", victim_was_minor="on"))
    assert response.status_code == 400 and "請填寫出生日期" in response.text


def test_dates_in_the_future_are_refused(client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = post_form(client, "harassment", form_data("harassment", act_ended_on=tomorrow))
    assert response.status_code == 400 and "日期不得晚於今天" in response.text


def test_a_scam_complaint_takes_screenshots(client):
    post_form(client, "scam", form_data("scam", ad_text="", ad_url="", attachments=[png()]))
    case = ScamComplaint.objects.get()
    attachment = ScamAttachment.objects.get()
    assert attachment.case == case and attachment.content_type == "image/png"
    assert "screenshot" not in attachment.file.name


def test_a_replayed_form_returns_the_same_case_and_code(client):
    token = issued_token(client, "scam")
    post_form(client, "scam", form_data("scam", token=token))
    first = client.get(reverse("employment:scam-filed")).context
    post_form(client, "scam", form_data("scam", token=token))
    second = client.get(reverse("employment:scam-filed")).context
    assert ScamComplaint.objects.count() == 1
    assert (first["case"].pk, first["access_code"]) == (second["case"].pk, second["access_code"])
    assert OutboxMessage.objects.count() == 1


def test_a_token_of_one_form_files_nothing_on_another(client):
    token = issued_token(client, "scam")
    response = client.post(reverse("employment:discrimination-apply"), form_data("discrimination", token=token))
    assert response.status_code == 400 and DiscriminationComplaint.objects.count() == 0


def test_the_honeypot_files_nothing(client):
    response = post_form(client, "discrimination", form_data("discrimination", website="http://spam.example"))
    assert response.status_code == 400 and DiscriminationComplaint.objects.count() == 0


def test_the_result_page_without_a_filing_goes_back_to_the_form(client):
    response = client.get(reverse("employment:harassment-filed"))
    assert response.status_code == 302 and response["Location"] == reverse("employment:harassment-apply")
