"""The public violator register: final penalties only, searchable, as a page, a CSV file and an API."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from inspections.models import Law, PenaltyStatus

from .factories import EstablishmentFactory, ViolationFactory


@pytest.fixture
def penalties(db):
    steel = EstablishmentFactory(name="港都鋼鐵股份有限公司", business_number="04595257", responsible_person="林大鋼")
    cafe = EstablishmentFactory(name="旗津餐飲有限公司", responsible_person="陳小吃")
    ViolationFactory(establishment=steel, article=24, decided_on=date(2020, 3, 2), fine_imposed=50_000,
                     fine_after_appeal=30_000, decision_number="高市勞條字第1090001號")
    ViolationFactory(establishment=steel, article=36, decided_on=date(2019, 5, 1))
    ViolationFactory(establishment=cafe, article=32, decided_on=date(2020, 4, 1), law=Law.GENDER_EQUALITY)
    appealed = EstablishmentFactory(name="訴願中示範公司")
    ViolationFactory(establishment=appealed, status=PenaltyStatus.UNDER_APPEAL)
    revoked = EstablishmentFactory(name="已撤銷示範公司")
    ViolationFactory(establishment=revoked, status=PenaltyStatus.REVOKED)
    return {"steel": steel, "cafe": cafe}


def page(client, **query):
    response = client.get(reverse("violations"), query)
    assert response.status_code == 200
    return response.text


def test_the_register_shows_final_penalties_without_login(client, penalties):
    text = page(client)
    assert "港都鋼鐵股份有限公司" in text and "旗津餐飲有限公司" in text
    assert "林大鋼" in text
    assert "勞動基準法第24條（延長工時工資）" in text
    assert "109年3月2日" in text
    assert "30,000" in text  # the fine after appeal, not the one first imposed
    assert "訴願中示範公司" not in text
    assert "已撤銷示範公司" not in text


def test_the_register_is_searchable_by_name_or_business_number_and_filtered(client, penalties):
    assert "旗津餐飲" not in page(client, q="港都鋼鐵")
    assert "旗津餐飲" not in page(client, q="0459")
    assert "港都鋼鐵" not in page(client, q="旗津")
    only_2020 = page(client, q="04595257", date_from="2020-01-01", date_to="2020-12-31")
    assert "第24條" in only_2020 and "第36條" not in only_2020
    by_article = page(client, article=36)
    assert "第36條" in by_article and "第24條" not in by_article
    assert "旗津餐飲" not in page(client, law=Law.LABOR_STANDARDS)


def test_the_register_page_is_accessible(client, penalties):
    text = page(client)
    assert "<caption>" in text
    assert 'scope="col"' in text
    assert '<label for="id_q">' in text
    assert '<label for="id_article">' in text


def test_the_register_pages_by_fifty(client, db):
    firm = EstablishmentFactory()
    for n in range(51):
        ViolationFactory(establishment=firm, decided_on=date(2020, 1, 1 + n % 28))
    first = page(client)
    assert first.count("<tr>") == 51  # the header row and 50 entries
    assert 'rel="next"' in first
    second = page(client, page=2)
    assert second.count("<tr>") == 2 and 'rel="next"' not in second and 'rel="prev"' in second


def test_the_csv_export_has_the_same_entries(client, penalties):
    response = client.get(reverse("violations-csv"), {"q": "港都"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["事業單位名稱", "統一編號", "負責人"]
    assert [(row[1], row[4], row[7], row[8]) for row in rows[1:]] == [
        ("04595257", "第24條", "2020-03-02", "30000"),
        ("04595257", "第36條", "2019-05-01", "20000"),
    ]


def test_the_csv_export_never_lists_penalties_under_appeal_or_revoked(client, penalties):
    content = b"".join(client.get(reverse("violations-csv")).streaming_content).decode("utf-8-sig")
    assert "港都鋼鐵" in content
    assert "訴願中" not in content and "已撤銷" not in content


def test_the_public_api_lists_final_penalties_and_nothing_personal_beyond_the_responsible_person(client, penalties):
    response = client.get("/api/v1/violation-register/", {"q": "04595257"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["article"], r["fine"]) for r in results] == [("第24條", 30_000), ("第36條", 20_000)]
    assert set(results[0]) == {
        "establishment", "business_number", "responsible_person", "law", "article", "article_meaning",
        "decision_number", "decided_on", "fine"}
    everything = client.get("/api/v1/violation-register/").json()["results"]
    assert {r["establishment"] for r in everything} == {"港都鋼鐵股份有限公司", "旗津餐飲有限公司"}


def test_the_public_api_is_read_only(client, penalties):
    response = client.post("/api/v1/violation-register/", {}, content_type="application/json")
    assert response.status_code == 405


def test_the_register_lists_use_a_bounded_number_of_queries(client, db, django_assert_max_num_queries):
    for n in range(60):
        ViolationFactory(decided_on=date(2020, 1, 1 + n % 28))
    for url in (reverse("violations"), "/api/v1/violation-register/", reverse("violations") + "?q=測試"):
        with django_assert_max_num_queries(3):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get(reverse("violations-csv"))
        assert len(b"".join(response.streaming_content).splitlines()) == 61


def test_the_register_speaks_english_too(client, penalties):
    response = client.get(reverse("violations"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Penalties under appeal or revoked are not published." in response.text
    assert "Establishment name or business number" in response.text
