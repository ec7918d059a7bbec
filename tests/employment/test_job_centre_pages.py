"""The job centre for citizens and staff: the public vacancy search (filters, pay range, held vacancies not shown,
bounded queries, English), the Excel imports, the API's masking, the staff queue and the admin's checker."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from employment.imports_job_centre import JobSeekerRegistrationImport, ReferralImport, VacancyImport
from employment.job_centre import REFERRAL_OUTCOME_DAYS, referral_queues
from employment.models import (
    EmploymentType,
    JobSeekerRegistration,
    OccupationGroup,
    PayUnit,
    Referral,
    ReferralOutcome,
    Vacancy,
    VacancyReview,
)
from labor_portal.core.districts import District
from tests.employment.job_centre_factories import referral, seeker, vacancy
from tests.spreadsheets import xlsx_upload

pytestmark = pytest.mark.django_db
URL = "/employment/vacancies/"


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("employment"))
    return client


def _titles(response) -> list[str]:
    return [item.job_title for item in response.context["vacancies"]]


def test_the_search_lists_open_published_vacancies_with_their_pay_range(client):
    vacancy(job_title="作業員", pay_min=28_000, pay_max=32_000)
    vacancy(job_title="會計", pay_min=45_000, pay_max=None, occupation=OccupationGroup.PROFESSIONALS)
    vacancy(job_title="限女門市", review=VacancyReview.HELD)
    vacancy(job_title="已拒登", review=VacancyReview.REJECTED)
    vacancy(job_title="已額滿", closed_on=date(2020, 4, 1))
    response = client.get(URL)
    assert response.status_code == 200
    assert sorted(_titles(response)) == ["作業員", "會計"]
    text = response.text
    assert "28,000 至 32,000 元" in text and "45,000 元以上" in text
    assert "限女門市" not in text and "已額滿" not in text


def test_each_filter_narrows_the_list(client):
    vacancy(job_title="作業員", district=District.QIANZHEN, occupation=OccupationGroup.OPERATORS)
    vacancy(job_title="門市", district=District.SANMIN, occupation=OccupationGroup.SERVICE_SALES,
            employment_type=EmploymentType.PART_TIME, pay_unit=PayUnit.HOURLY, pay_min=176, pay_max=200)
    vacancy(job_title="工程師", district=District.SANMIN, occupation=OccupationGroup.TECHNICIANS, pay_min=42_000,
            pay_max=50_000)
    assert _titles(client.get(URL, {"district": District.SANMIN})) == ["工程師", "門市"]
    assert _titles(client.get(URL, {"occupation": OccupationGroup.OPERATORS})) == ["作業員"]
    assert _titles(client.get(URL, {"employment_type": EmploymentType.PART_TIME})) == ["門市"]
    assert _titles(client.get(URL, {"pay_unit": PayUnit.MONTHLY, "pay_at_least": 40_000})) == ["工程師"]
    assert _titles(client.get(URL, {"pay_unit": PayUnit.HOURLY, "pay_at_least": 170})) == ["門市"]


def test_the_search_is_paginated_in_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for n in range(45):
        vacancy(job_title=f"職缺{n:02d}", registered_on=date(2020, 1, 1) + timedelta(days=n))
    with django_assert_max_num_queries(4):
        first = client.get(URL)
    assert len(first.context["vacancies"]) == 20 and first.context["vacancies"][0].job_title == "職缺44"
    with django_assert_max_num_queries(4):
        last = client.get(URL, {"page": 3, "district": District.QIANZHEN})
    assert _titles(last) == ["職缺04", "職缺03", "職缺02", "職缺01", "職缺00"]
    assert 'rel="prev"' in last.text and "district=qianzhen" in last.text
    assert client.get(URL, {"page": 9}).status_code == 404


def test_the_page_speaks_english_and_labels_its_fields(client):
    vacancy()
    client.cookies["django_language"] = "en"
    response = client.get(URL)
    assert response.status_code == 200
    for name in ("occupation", "district", "employment_type", "pay_unit", "pay_at_least"):
        assert f'<label for="id_{name}"' in response.text
    assert '<html lang="en' in response.text


# Han ideographs: a zh-Hant message left untranslated (full-width punctuation is not a message).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _untranslated(html: str) -> list[str]:
    # The language switch names 繁體中文 in Chinese on purpose.
    html = re.sub(r"<form class=\"language-switch\".*?</form>", "", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return HAN.findall(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("query", [{}, {"pay_at_least": "-1"}, {"page": 9}], ids=["list", "error", "no page"])
def test_in_english_the_page_shows_no_chinese_but_the_records_own(client, query):
    # Records in ASCII: whatever Han is left on the page is a message, label or choice without its English.
    for n in range(21):
        vacancy(employer_name=f"Harbour Works {n}", job_title="Operator", pay_max=None if n % 2 else 32_000,
                employment_type=EmploymentType.PART_TIME if n % 2 else EmploymentType.FULL_TIME,
                pay_unit=PayUnit.HOURLY if n % 3 else PayUnit.MONTHLY)
    client.cookies["django_language"] = "en"
    response = client.get(URL, query)
    assert '<html lang="en' in response.text
    assert _untranslated(response.text) == []
    chinese = client.get(URL, query, HTTP_COOKIE="django_language=zh-hant")
    assert _untranslated(chinese.text), "the source page is Chinese, so the check can see a missing translation"


def test_the_home_page_offers_the_search(client):
    assert URL in client.get("/").text


# --- Staff: the checker in the admin, the imports, the API, the queue ------------------------------------------


def _vacancy_form(**changes):
    data = {"number": "V-ADMIN-1", "registered_on": "2020-06-01", "station": "qianzhen",
            "employer_name": "港都精密工業有限公司", "employer_business_number": "", "job_title": "門市人員",
            "occupation": "5", "district": "qianzhen", "openings": 2, "employment_type": "full_time",
            "pay_unit": "monthly", "pay_min": 28000, "pay_max": 32000, "description": "週休二日", "closed_on": "",
            "hire_reports-TOTAL_FORMS": 0, "hire_reports-INITIAL_FORMS": 0}
    return {**data, **changes}


def test_a_vacancy_the_checker_flags_is_held_for_review(clerk_client):
    url = reverse("admin:employment_vacancy_add")
    assert clerk_client.post(url, _vacancy_form()).status_code == 302
    assert clerk_client.post(url, _vacancy_form(number="V-ADMIN-2", description="限女，35歲以下")).status_code == 302
    assert clerk_client.post(url, _vacancy_form(number="V-ADMIN-3", pay_max="")).status_code == 302
    reviews = dict(Vacancy.objects.values_list("number", "review"))
    assert reviews == {"V-ADMIN-1": "published", "V-ADMIN-2": "held", "V-ADMIN-3": "held"}
    assert "限女" in Vacancy.objects.get(number="V-ADMIN-2").review_notes


def test_the_three_imports_write_seekers_vacancies_and_referrals(clerk_client):
    seekers = [["S-1", "109/03/02", "前鎮就業服務站", "王小明", "A123456789", "1970-01-05", "", "作業員", "否", "否", "否",
                "否", "否", "否"],
               ["S-2", "109/03/02", "三民就業服務站", "陳美玲", "B200091532", "1995-06-01", "", "", "是", "否", "否",
                "否", "是", "否"]]
    seekers[0][7] = "機械設備操作及組裝人員"
    response = clerk_client.post(reverse("admin:employment_jobseekerregistration_import"),
                                 {"file": xlsx_upload(JobSeekerRegistrationImport().headers, seekers)})
    assert response.status_code == 302, [line for line in response.text.splitlines() if "第" in line or "errorlist" in line]
    first, second = JobSeekerRegistration.objects.order_by("number")
    assert (first.middle_aged, second.middle_aged, second.youth, second.new_resident, first.youth) == (
        True, False, True, True, False)
    vacancies = [["V-1", "109/03/01", "前鎮就業服務站", "港都精密工業有限公司", "", "作業員", "機械設備操作及組裝人員", "前鎮區",
                  3, "全職", "月薪", 28000, 32000, "輪班", ""],
                 ["V-2", "109/03/01", "前鎮就業服務站", "大發餐飲有限公司", "", "門市", "服務及銷售工作人員", "三民區", 1,
                  "全職", "月薪", 26000, 26000, "限男性", ""]]
    assert clerk_client.post(reverse("admin:employment_vacancy_import"),
                             {"file": xlsx_upload(VacancyImport().headers, vacancies)}).status_code == 302
    assert dict(Vacancy.objects.values_list("number", "review")) == {"V-1": "published", "V-2": "held"}
    cards = [["R-1", "S-1", "V-1", "109/03/03", "已僱用", "109/03/10"], ["R-2", "S-2", "V-1", "109/03/03", "", ""]]
    assert clerk_client.post(reverse("admin:employment_referral_import"),
                             {"file": xlsx_upload(ReferralImport().headers, cards)}).status_code == 302
    hired = Referral.objects.get(card_number="R-1")
    assert (hired.outcome, hired.seeker_middle_aged) == (ReferralOutcome.HIRED, True)
    # Re-uploading with the outcome filled in updates the card.
    cards[1][4:] = ["未前往應徵", "109/03/12"]
    assert clerk_client.post(reverse("admin:employment_referral_import"),
                             {"file": xlsx_upload(ReferralImport().headers, cards)}).status_code == 302
    assert Referral.objects.get(card_number="R-2").outcome == ReferralOutcome.NO_SHOW
    assert Referral.objects.count() == 2


def test_a_referral_file_naming_an_unknown_vacancy_imports_nothing(clerk_client):
    person = seeker()
    cards = [["R-1", person.number, "V-NOPE", "109/03/03", "", ""]]
    response = clerk_client.post(reverse("admin:employment_referral_import"),
                                 {"file": xlsx_upload(ReferralImport().headers, cards)})
    assert response.status_code == 200 and "第 2 列" in response.text
    assert not Referral.objects.exists()


def test_two_hires_in_one_file_cannot_overfill_a_vacancy(clerk_client):
    one, two = vacancy(number="V-ONE", openings=1), vacancy(number="V-TWO", openings=2)
    first, second, third = seeker(), seeker(), seeker()
    url = reverse("admin:employment_referral_import")
    cards = [["R-1", first.number, one.number, "109/03/03", "已僱用", "109/03/10"],
             ["R-2", second.number, one.number, "109/03/03", "已僱用", "109/03/11"]]
    response = clerk_client.post(url, {"file": xlsx_upload(ReferralImport().headers, cards)})
    assert response.status_code == 200 and "第 3 列" in response.text and "第 2 列" not in response.text
    assert not Referral.objects.exists()
    # A card already hired keeps its place when re-uploaded: it is not counted twice against the openings.
    referral(first, two, date(2020, 3, 2), ReferralOutcome.HIRED, date(2020, 3, 9))
    card = Referral.objects.get().card_number
    cards = [[card, first.number, two.number, "109/03/02", "已僱用", "109/03/09"],
             ["R-3", second.number, two.number, "109/03/03", "已僱用", "109/03/10"]]
    assert clerk_client.post(url, {"file": xlsx_upload(ReferralImport().headers, cards)}).status_code == 302
    cards.append(["R-4", third.number, two.number, "109/03/03", "已僱用", "109/03/10"])
    response = clerk_client.post(url, {"file": xlsx_upload(ReferralImport().headers, cards)})
    assert response.status_code == 200 and "第 4 列" in response.text
    assert two.referrals.filter(outcome=ReferralOutcome.HIRED).count() == 2


def test_the_api_masks_the_seekers_and_refuses_to_write_them(clerk_client, client, make_staff):
    person = seeker(name="王小明")
    job = vacancy()
    referral(person, job, date(2020, 3, 2))
    data = clerk_client.get("/api/v1/employment/job-seekers/").json()
    row = data["results"][0]
    assert (row["name"], row["personal_id"]) == ("王○明", person.personal_id[:3] + "****" + person.personal_id[-3:])
    assert "phone" not in row and "birth_date" not in row and row["birth_year"] == 1990
    assert clerk_client.post("/api/v1/employment/job-seekers/", {}).status_code == 405
    assert clerk_client.get("/api/v1/employment/referrals/").json()["results"][0]["registration"] == person.pk
    client.force_login(make_staff("unions"))
    assert client.get("/api/v1/employment/job-seekers/").status_code == 403


def test_a_vacancy_posted_through_the_api_is_checked(clerk_client):
    body = {"number": "V-API", "registered_on": "2020-06-01", "station": "sanmin", "employer_name": "大發餐飲",
            "job_title": "門市", "occupation": "5", "district": "sanmin", "openings": 1,
            "employment_type": "full_time", "pay_unit": "monthly", "pay_min": 27000, "description": "限女",
            "review": "published"}
    response = clerk_client.post("/api/v1/employment/vacancies/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert Vacancy.objects.get(number="V-API").review == VacancyReview.HELD


def test_the_queue_counts_referrals_without_outcome_after_14_days(clerk_client, make_staff):
    today = timezone.localdate()
    job = vacancy(openings=5)
    referral(seeker(), job, today - timedelta(days=REFERRAL_OUTCOME_DAYS))  # the 14th day: due
    referral(seeker(), job, today - timedelta(days=REFERRAL_OUTCOME_DAYS - 1))  # not yet
    referral(seeker(), job, today - timedelta(days=30), ReferralOutcome.NOT_HIRED, today - timedelta(days=20))
    rows = referral_queues(None, today).count(today)
    assert rows[0]["count"] == 1
    listed = clerk_client.get(reverse("admin:employment_referral_changelist") + "?waiting=overdue")
    assert listed.status_code == 200 and listed.context["cl"].result_count == 1
    assert "推介逾 14 日尚無結果" in clerk_client.get("/staff/").text


def test_the_seekers_list_masks_names_and_ids(clerk_client):
    person = seeker(name="王小明")
    text = clerk_client.get(reverse("admin:employment_jobseekerregistration_changelist")).text
    assert "王○明" in text and "王小明" not in text and person.personal_id not in text
