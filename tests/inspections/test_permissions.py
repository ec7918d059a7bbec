"""Only the labor-conditions section's staff read and edit its records; the register alone is public."""

import pytest
from django.urls import reverse

from inspections.models import Establishment

from .factories import EstablishmentFactory, LaborInspectionFactory

ESTABLISHMENT = {
    "name": "新登錄工業有限公司", "business_number": "04595257", "responsible_person": "黃負責",
    "industry": "C", "district": "lingya", "employees": 12,
}


@pytest.mark.parametrize("role", ["unions", "disputes", "officials"])
def test_other_sections_and_officials_get_403_on_inspections_admin_and_api(client, make_staff, role):
    LaborInspectionFactory()
    client.force_login(make_staff(role))
    assert client.get(reverse("admin:inspections_laborinspection_changelist")).status_code == 403
    assert client.get(reverse("admin:inspections_violation_changelist")).status_code == 403
    assert client.get("/api/v1/inspections/labor-inspections/").status_code == 403
    assert client.get("/api/v1/inspections/violations/").status_code == 403
    response = client.post("/api/v1/inspections/establishments/", ESTABLISHMENT, content_type="application/json")
    assert response.status_code == 403
    assert not Establishment.objects.filter(business_number="04595257").exists()


def test_the_api_needs_a_login(client, db):
    assert client.get("/api/v1/inspections/violations/").status_code in (401, 403)


def test_inspection_staff_edit_inspections_through_the_api(client, make_staff):
    clerk = make_staff("inspections")
    client.force_login(clerk)
    response = client.post("/api/v1/inspections/establishments/", ESTABLISHMENT, content_type="application/json")
    assert response.status_code == 201, response.content
    firm = Establishment.objects.get(business_number="04595257")
    assert firm.created_by == clerk
    payload = {"establishment": firm.pk, "inspected_on": "2020-03-05", "kind": "complaint", "inspector": "王檢查員"}
    assert client.post("/api/v1/inspections/labor-inspections/", payload,
                       content_type="application/json").status_code == 201


def test_inspection_staff_edit_in_the_admin(client, make_staff):
    client.force_login(make_staff("inspections"))
    firm = EstablishmentFactory()
    response = client.post(reverse("admin:inspections_laborinspection_add"), {
        "establishment": firm.pk, "inspected_on": "2020-03-05", "kind": "project", "inspector": "王檢查員",
        "findings": "",
    })
    assert response.status_code == 302
    assert firm.labor_inspections.get().history.count() == 1


def test_the_api_rejects_a_violation_of_another_establishment_than_its_inspection(client, make_staff):
    client.force_login(make_staff("inspections"))
    inspection = LaborInspectionFactory()
    other = EstablishmentFactory()
    payload = {"establishment": other.pk, "inspection": inspection.pk, "law": "lsa", "article": 24,
               "decided_on": "2020-04-01", "fine_imposed": 20000, "status": "final"}
    response = client.post("/api/v1/inspections/violations/", payload, content_type="application/json")
    assert response.status_code == 400
    assert "事業單位與所屬檢查的事業單位不同" in str(response.json())
