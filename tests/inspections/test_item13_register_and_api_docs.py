"""Issue 8 item 13 (inspections' part): the register shows 處分字號 (how many and page numbers:
test_item13_register_pages.py); the API docs group paths by section."""

from datetime import date

import pytest
from django.urls import reverse

from inspections.demo import _violation
from inspections.models import Law, PenaltyStatus

from .factories import LaborInspectionFactory, ViolationFactory

pytestmark = pytest.mark.django_db


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
