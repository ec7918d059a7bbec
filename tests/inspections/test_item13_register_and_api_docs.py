"""Issue 8 item 13 (inspections' part): the register shows how many, page numbers and 處分字號; the API docs
group paths by section."""

import re
from datetime import date

import pytest
from django.urls import reverse

from inspections.demo import _violation
from inspections.models import Law, PenaltyStatus

from .factories import EstablishmentFactory, LaborInspectionFactory, ViolationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_penalties():
    firm = EstablishmentFactory()
    for n in range(1_201):
        ViolationFactory(establishment=firm, decided_on=date(2020, 1, 1 + n % 28),
                         decision_number=f"高市勞條字第109{n:07d}號")


def test_item13_register_shows_the_result_count_with_separators(client, many_penalties):
    text = client.get(reverse("violations")).text
    assert "共 1,201 筆處分確定案件" in text
    english = client.get(reverse("violations"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "1,201 final penalties" in english and "page 1 of 25" in english


def test_item13_register_shows_page_numbers(client, many_penalties):
    text = client.get(reverse("violations"), {"page": 12, "q": "測試"}).text
    links = re.findall(r'href="\?q=%E6%B8%AC%E8%A9%A6&amp;page=(\d+)"[^>]*>(\d+)<', text)
    assert [int(label) for _page, label in links] == [1, 10, 11, 13, 14, 25]  # the ends and two each side
    assert '<a aria-current="page">12</a>' in text
    assert "…" in text


def test_item13_register_shows_the_decision_number(client):
    ViolationFactory(decision_number="高市勞條字第1090012345號", decided_on=date(2020, 3, 2))
    text = client.get(reverse("violations")).text
    assert "<th scope=\"col\">處分字號</th>" in text
    assert "高市勞條字第1090012345號" in text


def test_item13_demo_decision_numbers_follow_the_bureau_style():
    inspection = LaborInspectionFactory.build()
    violation = _violation(inspection, Law.LABOR_STANDARDS, 24, date(2020, 3, 2), PenaltyStatus.FINAL, 12345)
    assert violation.decision_number == "高市勞條字第1090012345號"


def test_item13_api_docs_group_paths_by_section(client, make_staff):
    client.force_login(make_staff("administrators"))
    schema = client.get("/api/schema/", {"format": "json"}).json()
    tags_of = {path: {tag for operation in ops.values() for tag in operation.get("tags", [])}
               for path, ops in schema["paths"].items()}
    assert tags_of["/api/v1/inspections/establishments/"] == {"勞動條件"}
    assert tags_of["/api/v1/violation-register/"] == {"勞動條件"}
    assert tags_of["/api/v1/disputes/cases/"] == {"勞資關係"}
    assert tags_of["/api/v1/unions/unions/"] == {"勞工組織"}
    assert tags_of["/api/v1/reports/runs/"] == {"報表"}
    assert [tag["name"] for tag in schema["tags"]][:4] == ["報表", "勞工組織", "勞動條件", "勞資關係"]
