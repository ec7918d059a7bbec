"""Excel import of injured workers' contacts: a good file adds every row, a bad row is named by row and column
and nothing is kept, and a re-upload updates the contact with the same record number."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.spreadsheets import xlsx_upload
from welfare.imports import CaseContactImport
from welfare.models import CaseContact, ContactKind, InjuredWorkerCase

pytestmark = pytest.mark.django_db

HEADERS = CaseContactImport().headers
IMPORT = reverse("admin:welfare_casecontact_import")


@pytest.fixture
def case():
    return InjuredWorkerCase.objects.create(worker_name="測試勞工", opened_on=date(2020, 1, 6))


@pytest.fixture
def clerk(client, make_staff):
    user = make_staff("welfare")
    client.force_login(user)
    return user


def _rows(case):
    return [
        ["C109-000001", case.pk, date(2020, 3, 2), "主動關懷", "電話關懷"],
        ["C109-000002", case.pk, "109/03/20", "訪視", ""],
    ]


def test_the_changelist_offers_the_import_and_its_template(client, clerk):
    assert reverse("admin:welfare_casecontact_import") in client.get("/admin/welfare/casecontact/").text
    response = client.get(reverse("admin:welfare_casecontact_import_template"))
    assert [cell.value for cell in load_workbook(io.BytesIO(response.content)).active[1]] == HEADERS


def test_a_good_file_adds_every_contact_to_its_case(client, clerk, case):
    response = client.post(IMPORT, {"file": xlsx_upload(HEADERS, _rows(case))})
    assert response.status_code == 302
    visit = CaseContact.objects.get(reference="C109-000002")
    assert (visit.case, visit.contacted_on, visit.kind) == (case, date(2020, 3, 20), ContactKind.HOME_VISIT)
    assert visit.created_by == clerk
    assert case.contacts.count() == 2


def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_kept(client, clerk, case):
    bad = ["C109-000003", 999_999, "2020-02-30", "聊天", ""]
    response = client.post(IMPORT, {"file": xlsx_upload(HEADERS, [*_rows(case), bad, ["", case.pk, "2020-04-01",
                                                                                        "諮詢", ""]])})
    assert response.status_code == 200
    text = response.text
    assert "第 4 列「個案編號」" in text
    assert "第 4 列「服務日期」" in text
    assert "第 4 列「服務類型」" in text
    assert "第 5 列「服務紀錄編號」" in text
    assert "第 2 列" not in text
    assert CaseContact.objects.count() == 0


def test_a_re_upload_updates_by_record_number_and_an_unchanged_row_is_not_written(client, clerk, case):
    client.post(IMPORT, {"file": xlsx_upload(HEADERS, _rows(case))})
    first = CaseContact.objects.get(reference="C109-000001")
    rows = _rows(case)
    rows[0][4] = "電話關懷，轉介職能復健"
    response = client.post(IMPORT, {"file": xlsx_upload(HEADERS, rows)}, follow=True)
    assert "新增 0 筆、更新 1 筆、未變動 1 筆" in response.text
    first.refresh_from_db()
    assert first.note == "電話關懷，轉介職能復健"
    assert CaseContact.objects.count() == 2
    assert first.history.count() == 2
