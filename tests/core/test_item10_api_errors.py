"""Issue 8 item 10: what property-based testing of the API found answers 4xx with a clear message, never 500."""

from datetime import date

import pytest
from django.db import DataError
from django.urls import reverse

from labor_portal.core.api import exception_handler
from labor_portal.reporting.models import ReportRun
from tests.inspections import factories as f
from tests.unions.factories import StatutoryMeetingFactory

pytestmark = pytest.mark.django_db


def _depended_on(kind: str):
    """A record of `kind` that another row points at (PROTECT), and the API path that deletes it."""
    if kind == "establishment":
        firm = f.ViolationFactory().establishment
        return "inspections", f"/api/v1/inspections/establishments/{firm.pk}/"
    if kind == "labor-inspection":
        inspection = f.LaborInspectionFactory()
        f.ViolationFactory(establishment=inspection.establishment, inspection=inspection)
        return "inspections", f"/api/v1/inspections/labor-inspections/{inspection.pk}/"
    if kind == "osh-inspection":
        return "inspections", f"/api/v1/inspections/osh-inspections/{f.StopWorkOrderFactory().inspection.pk}/"
    if kind == "volunteer":
        return "inspections", f"/api/v1/inspections/volunteers/{f.SMECounsellingVisitFactory().volunteer.pk}/"
    return "unions", f"/api/v1/unions/unions/{StatutoryMeetingFactory().union.pk}/"


@pytest.mark.parametrize("kind", ["establishment", "labor-inspection", "osh-inspection", "volunteer", "union"])
def test_item10_delete_of_a_record_others_depend_on_is_a_409(client, make_staff, kind):
    section, path = _depended_on(kind)
    client.force_login(make_staff(section))
    response = client.delete(path)
    assert response.status_code == 409
    assert "其他資料仍參照這筆資料" in response.json()["detail"]
    assert client.get(path).status_code == 200  # still there


def test_item10_delete_refusal_in_english(client, make_staff):
    _section, path = _depended_on("establishment")
    client.force_login(make_staff("inspections"))
    response = client.delete(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert "Other records still refer to this one" in response.json()["detail"]


@pytest.mark.parametrize("route", ["xlsx", "report.json", "csv/unions.t1_1"])
@pytest.mark.parametrize("run_id", ["not-a-uuid", "0", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"])
def test_item10_report_sub_routes_with_a_non_uuid_id_are_404(client, official, route, run_id):
    ReportRun.objects.create(period="2020H1", status=ReportRun.Status.DONE, snapshot={"tables": []})
    client.force_login(official)
    assert client.get(f"/api/v1/reports/runs/{run_id}/{route}/").status_code == 404


@pytest.mark.parametrize("number", ["99999999999999999999999", "0", "-1", "abc", "1e400", "9" * 5000])
def test_item10_register_page_out_of_range_is_a_clear_404(client, number):
    f.ViolationFactory(decided_on=date(2020, 3, 2))
    response = client.get(reverse("violations"), {"page": number})
    assert response.status_code == 404
    assert "沒有這一頁：查詢結果共 1 頁" in response.text


@pytest.mark.parametrize("path", ["/api/v1/inspections/violations/", "/api/v1/unions/unions/"])
def test_item10_api_page_out_of_range_is_a_404(client, make_staff, path):
    client.force_login(make_staff("inspections" if "inspections" in path else "unions"))
    assert client.get(path, {"page": "99999999999999999999999"}).status_code == 404


def test_item10_a_value_the_database_cannot_hold_is_a_400():
    response = exception_handler(DataError("integer out of range"), {})
    assert response.status_code == 400 and response.data["detail"]


def test_item10_schema_says_the_case_number_of_a_fund_application_may_be_null(client, make_staff):
    from disputes.models import FundKind, RightsFundApplication

    client.force_login(make_staff("disputes"))
    schema = client.get("/api/schema/", {"format": "json"}).json()
    field = schema["components"]["schemas"]["RightsFundApplication"]["properties"]["dispute_case_number"]
    assert field.get("nullable") is True
    RightsFundApplication.objects.create(kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="某工會",
                                         applied_on=date(2020, 3, 1), lawyer_fee_asked=10000)
    result = client.get("/api/v1/disputes/rights-fund-applications/").json()["results"][0]
    assert result["dispute_case_number"] is None
