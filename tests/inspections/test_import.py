"""Excel import of inspections and violations: all rows or none, each bad row named."""

from datetime import date

from django.urls import reverse

from inspections.imports import EstablishmentImport, LaborInspectionImport, ViolationImport
from inspections.models import Establishment, LaborInspection, PenaltyStatus, PenaltyStatusChange, Violation
from tests.spreadsheets import xlsx_upload

from .factories import EstablishmentFactory


def _post(client, model_name, headers, rows):
    return client.post(reverse(f"admin:inspections_{model_name}_import"), {"file": xlsx_upload(headers, rows)})


def test_violations_name_their_establishment_by_business_number(client, make_staff):
    clerk = make_staff("inspections")
    client.force_login(clerk)
    firm = EstablishmentFactory(business_number="04595257")
    rows = [
        ["04595257", "勞動基準法", 24, "高市勞條字第1號", date(2020, 4, 20), 20000, None, "確定"],
        ["04595257", "性別平等工作法", 38, "", "2020-05-02", 30000, 10000, "訴願中"],
    ]
    response = _post(client, "violation", ViolationImport().headers, rows)
    assert response.status_code == 302
    assert list(firm.violations.order_by("decided_on").values_list("article", "status", "fine_after_appeal")) == [
        (24, PenaltyStatus.FINAL, None), (38, PenaltyStatus.UNDER_APPEAL, 10000)]
    assert Violation.objects.filter(created_by=clerk).count() == 2


def test_one_bad_row_imports_nothing_and_names_the_row(client, make_staff):
    client.force_login(make_staff("inspections"))
    EstablishmentFactory(business_number="04595257")
    rows = [
        ["04595257", "勞動基準法", 24, "", "2020-04-20", 20000, None, "確定"],
        ["99999999", "勞動基準法", 30, "", "2020-04-21", 20000, None, "確定"],
        ["04595257", "勞動基準法", 32, "", "not a date", 20000, None, "已結案"],
    ]
    response = _post(client, "violation", ViolationImport().headers, rows)
    assert response.status_code == 200
    assert Violation.objects.count() == 0
    assert "第 3 列「事業單位統一編號」：查無此統一編號的事業單位" in response.text
    assert "第 4 列「處分日期」" in response.text
    assert "第 4 列「處分狀態」" in response.text


def test_inspections_import_all_rows(client, make_staff):
    client.force_login(make_staff("inspections"))
    firm = EstablishmentFactory(business_number="04595257")
    rows = [["04595257", "2020-03-12", "專案檢查", "王檢查員", "工時查核"],
            ["04595257", date(2020, 5, 1), "申訴檢查", "李檢查員", None]]
    assert _post(client, "laborinspection", LaborInspectionImport().headers, rows).status_code == 302
    assert sorted(firm.labor_inspections.values_list("kind", flat=True)) == ["complaint", "project"]


def test_other_sections_cannot_import(client, make_staff):
    client.force_login(make_staff("unions"))
    EstablishmentFactory(business_number="04595257")
    rows = [["04595257", "2020-03-12", "專案檢查", "王檢查員", ""]]
    assert _post(client, "laborinspection", LaborInspectionImport().headers, rows).status_code == 403
    assert not LaborInspection.objects.exists()


def test_an_establishment_already_registered_is_updated_not_refused_as_a_duplicate(client, make_staff):
    client.force_login(make_staff("inspections"))
    EstablishmentFactory(business_number="04595257", employees=5)
    headers = EstablishmentImport().headers
    rows = [["新港示範有限公司", "22099131", "周負責", "C 製造業", "小港區", 12],
            ["既有示範有限公司", "04595257", "吳負責", "G 批發及零售業", "苓雅區", 3]]
    assert _post(client, "establishment", headers, rows).status_code == 302
    assert Establishment.objects.get(business_number="22099131").industry == "C"
    updated = Establishment.objects.get(business_number="04595257")
    assert (updated.name, updated.employees, updated.history.count()) == ("既有示範有限公司", 3, 2)


def test_a_business_number_twice_in_one_file_is_named(client, make_staff):
    client.force_login(make_staff("inspections"))
    headers = EstablishmentImport().headers
    rows = [["新港示範有限公司", "22099131", "周負責", "C 製造業", "小港區", 12],
            ["重複示範有限公司", "22099131", "吳負責", "G 批發及零售業", "苓雅區", 3]]
    response = _post(client, "establishment", headers, rows)
    assert response.status_code == 200
    assert "第 3 列「統一編號」：與第 2 列重複" in response.text
    assert not Establishment.objects.exists()


def test_imported_violations_start_their_penalty_status_log(client, make_staff):
    clerk = make_staff("inspections")
    client.force_login(clerk)
    EstablishmentFactory(business_number="04595257")
    rows = [["04595257", "勞動基準法", 24, "", "109/04/20", 20000, None, "訴願中"]]
    assert _post(client, "violation", ViolationImport().headers, rows).status_code == 302
    violation = Violation.objects.get()
    assert violation.decided_on == date(2020, 4, 20)
    assert list(PenaltyStatusChange.objects.values_list("violation", "from_state", "to_state", "changed_by")) == [
        (violation.pk, "", PenaltyStatus.UNDER_APPEAL, clerk.pk)]
    assert violation.history.count() == 1
