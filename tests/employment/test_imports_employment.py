"""Excel import of anti-discrimination seminars and scam consultations (employment/imports.py) in the admin."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from employment.imports import AntiDiscriminationSeminarImport, ScamConsultationImport
from employment.models import AntiDiscriminationSeminar, ScamConsultation
from tests.spreadsheets import xlsx_upload

pytestmark = pytest.mark.django_db

SEMINAR_HEADERS = AntiDiscriminationSeminarImport().headers
CONSULTATION_HEADERS = ScamConsultationImport().headers

SEMINAR_ROWS = [
    ["防制就業歧視宣導會（一）", "109/05/20", "勞工局第一會議室", 1, 80, 35],
    ["防制就業歧視宣導會（二）", date(2020, 6, 3), "鳳山行政中心", 2, 120, None],
    ["性別平等工作宣導會", "109年7月1日", "岡山區公所", 1, 45, 12],
]
CONSULTATION_ROWS = [
    ["109/06/30", "電話", "收取費用或要求購買產品", "面試前要求繳交制服費。"],
    ["2020-07-01", "臨櫃", "扣留證件或索取存摺提款卡", None],
    ["1090702", "網路／電子郵件", "不實徵才廣告", "廣告薪資與面試所談不符。"],
]


@pytest.fixture
def clerk(make_staff):
    return make_staff("employment")


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def _post(client, model_name: str, headers, rows):
    return client.post(reverse(f"admin:employment_{model_name}_import"),
                       {"file": xlsx_upload(headers, rows, name=f"{model_name}.xlsx")})


# --- Good files ----------------------------------------------------------------------------------------------------


def test_a_seminar_file_with_three_good_rows_imports_them_all(clerk_client, clerk):
    response = _post(clerk_client, "antidiscriminationseminar", SEMINAR_HEADERS, SEMINAR_ROWS)
    assert response.status_code == 302
    assert response.url == reverse("admin:employment_antidiscriminationseminar_changelist")
    seminars = list(AntiDiscriminationSeminar.objects.order_by("held_on"))
    assert [(s.held_on, s.sessions, s.participants, s.establishments) for s in seminars] == [
        (date(2020, 5, 20), 1, 80, 35), (date(2020, 6, 3), 2, 120, 0), (date(2020, 7, 1), 1, 45, 12)]
    assert {(s.created_by, s.updated_by) for s in seminars} == {(clerk, clerk)}
    assert all(s.history.count() == 1 for s in seminars)


def test_a_consultation_file_with_three_good_rows_imports_them_all(clerk_client, clerk):
    response = _post(clerk_client, "scamconsultation", CONSULTATION_HEADERS, CONSULTATION_ROWS)
    assert response.status_code == 302
    consultations = list(ScamConsultation.objects.order_by("consulted_on"))
    assert [(c.consulted_on, c.channel, c.topic) for c in consultations] == [
        (date(2020, 6, 30), "phone", "fees"), (date(2020, 7, 1), "walk_in", "documents"),
        (date(2020, 7, 2), "online", "false_ad")]
    assert consultations[1].notes == ""
    assert {c.created_by for c in consultations} == {clerk}


# --- Bad files: nothing saved, the row and column named ---------------------------------------------------------


def test_a_bad_date_names_the_row_and_column_and_nothing_is_imported(clerk_client):
    rows = [*CONSULTATION_ROWS[:2], ["109/02/30", "電話", "其他", None], CONSULTATION_ROWS[2]]
    response = _post(clerk_client, "scamconsultation", CONSULTATION_HEADERS, rows)
    assert response.status_code == 200
    assert "第 4 列「諮詢日期」" in response.text
    assert "109/02/30" in response.text
    assert not ScamConsultation.objects.exists()


def test_a_seminar_file_names_each_bad_cell(clerk_client):
    rows = [*SEMINAR_ROWS, ["宣導會", "明天", "勞工局", 0, 10, 1], ["宣導會", "109/08/01", "勞工局", 1, -5, 1]]
    response = _post(clerk_client, "antidiscriminationseminar", SEMINAR_HEADERS, rows)
    assert response.status_code == 200
    text = response.text
    assert "第 5 列「辦理日期」" in text
    assert "第 5 列「場次」" in text  # at least one session, said here rather than refused by the database
    assert "第 6 列「參加人次」" in text
    assert not AntiDiscriminationSeminar.objects.exists()


def test_a_choice_not_in_the_list_is_named(clerk_client):
    rows = [[*CONSULTATION_ROWS[0][:1], "飛鴿傳書", *CONSULTATION_ROWS[0][2:]]]
    response = _post(clerk_client, "scamconsultation", CONSULTATION_HEADERS, rows)
    assert "第 2 列「諮詢方式」" in response.text
    assert not ScamConsultation.objects.exists()


# --- The template ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model_name, headers, choice_columns", [
    ("antidiscriminationseminar", SEMINAR_HEADERS, []),
    ("scamconsultation", CONSULTATION_HEADERS, ["B", "C"]),
])
def test_the_template_downloads_with_its_columns_and_drop_downs(clerk_client, model_name, headers, choice_columns):
    response = clerk_client.get(reverse(f"admin:employment_{model_name}_import_template"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-import-template.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == headers
    validated = sorted(str(validation.sqref).split(":")[0] for validation in sheet.data_validations.dataValidation)
    assert validated == [f"{column}2" for column in choice_columns]


def test_the_example_row_of_each_template_imports(clerk_client):
    for model_name, importer in [("antidiscriminationseminar", AntiDiscriminationSeminarImport()),
                                 ("scamconsultation", ScamConsultationImport())]:
        response = _post(clerk_client, model_name, importer.headers, [importer.example])
        assert response.status_code == 302, response.text
    assert AntiDiscriminationSeminar.objects.count() == ScamConsultation.objects.count() == 1


def test_the_changelists_offer_the_import_and_other_sections_cannot_use_it(client, clerk_client, make_staff):
    for model_name in ("antidiscriminationseminar", "scamconsultation"):
        changelist = clerk_client.get(reverse(f"admin:employment_{model_name}_changelist"))
        assert reverse(f"admin:employment_{model_name}_import") in changelist.text
    client.force_login(make_staff("unions"))
    response = _post(client, "scamconsultation", CONSULTATION_HEADERS, CONSULTATION_ROWS)
    assert response.status_code == 403
    assert client.get(reverse("admin:employment_scamconsultation_import_template")).status_code == 403
    assert not ScamConsultation.objects.exists()
