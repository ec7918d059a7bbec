"""Issue 8 item 6: text a user typed never becomes a live formula in an exported CSV file or workbook."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from labor_portal.core.periods import HalfYear
from labor_portal.core.spreadsheets import safe_cell
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.registry import ReportTable, Row, registry
from labor_portal.reporting.workbook import render_workbook, table_csv

ATTACK = '=HYPERLINK("http://evil.example/x","點此")'


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("text", [ATTACK, "+886-7-1234567", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_item6_formula_injection_text_that_starts_a_formula_gets_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, -2.5, Decimal("-3"), 0, date(2020, 1, 1), None, "", "王小明", "1 = 1"])
def test_item6_formula_injection_numbers_dates_and_plain_text_pass_unchanged(value):
    assert safe_cell(value) == value


class _Attacked(ReportTable):
    """A table whose row label came from a record: a name typed by someone."""

    id = "unions.test_attacked"
    title_zh = "測試"
    title_en = "test"
    columns = ["件數", "說明"]

    def compute(self, period):
        return [Row(ATTACK, [-3, "@cmd"])]


@pytest.fixture
def attacked_snapshot():
    registry._tables[_Attacked.id] = _Attacked()
    yield {"period": HalfYear(2020, 1).as_dict(), "tables": [_Attacked().snapshot(HalfYear(2020, 1))],
           "indicators": []}
    del registry._tables[_Attacked.id]


def test_item6_formula_injection_report_csv(attacked_snapshot):
    rows = _csv_rows(table_csv(attacked_snapshot["tables"][0]))
    assert rows[1] == ["'" + ATTACK, "-3", "'@cmd"]  # the negative count stays a number


def test_item6_formula_injection_report_workbook(attacked_snapshot, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(render_workbook(attacked_snapshot))
    sheet = load_workbook(path)["勞工組織"]
    label, count, note = sheet.cell(4, 1), sheet.cell(4, 2), sheet.cell(4, 3)
    assert (label.value, label.data_type) == ("'" + ATTACK, "s")  # openpyxl would store "=…" as a formula
    assert (count.value, count.data_type) == (-3, "n")
    assert note.value == "'@cmd"


@pytest.mark.django_db
def test_item6_formula_injection_report_csv_from_the_api(client, official, attacked_snapshot):
    run = ReportRun.objects.create(period="2020H1", status=ReportRun.Status.DONE, snapshot=attacked_snapshot)
    client.force_login(official)
    response = client.get(reverse("reportrun-table-csv", args=[run.pk, _Attacked.id]))
    assert response.status_code == 200
    assert _csv_rows(response.content.decode("utf-8"))[1][0] == "'" + ATTACK


@pytest.mark.django_db
def test_item6_formula_injection_public_violations_csv(client):
    from tests.inspections.factories import EstablishmentFactory, ViolationFactory

    firm = EstablishmentFactory(name=ATTACK, responsible_person="-陳")
    ViolationFactory(establishment=firm, decided_on=date(2020, 3, 2), fine_imposed=30_000)
    response = client.get(reverse("violations-csv"))
    rows = _csv_rows(b"".join(response.streaming_content).decode("utf-8"))
    assert rows[1][0] == "'" + ATTACK and rows[1][2] == "'-陳"
    assert rows[1][8] == "30000"


@pytest.mark.django_db
def test_item6_formula_injection_staff_masked_csv(client, make_staff):
    from disputes.models import DisputeCase
    from tests.disputes.factories import file_case

    case = file_case().case
    DisputeCase.objects.filter(pk=case.pk).update(respondent_name=ATTACK)
    client.force_login(make_staff("disputes"))
    response = client.post(reverse("admin:disputes_disputecase_changelist"), {
        "action": "export_masked_csv", "_selected_action": [str(case.pk)]})
    rows = _csv_rows(response.content.decode("utf-8"))
    assert rows[1][4] == "'" + ATTACK
    assert rows[1][0] == case.case_number  # a case number is left as it is
