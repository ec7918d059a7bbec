"""The shared Excel import in bulk: thousands of rows in a bounded number of queries, updates by natural key,
ROC dates, a template with drop-downs and instructions, and database errors reported as what they are."""

import copy
import io
import time
from datetime import date

import pytest
from django import forms
from django.db import OperationalError
from openpyxl import load_workbook

from labor_portal.core import imports
from labor_portal.core.imports import SpreadsheetImport, parse_spreadsheet_date
from tests.spreadsheets import xlsx_upload
from unions.imports import StatutoryMeetingImport, UnionImport
from unions.models import StatutoryMeeting, Union

HEADERS = UnionImport().headers


def _union_row(index: int, *, members: int = 10, founded="2010-01-05") -> list:
    return [f"示範工會{index:05d}", "職業工會", f"大量字第{index:05d}號", "苓雅區", founded, None, members]


def _run(importer: SpreadsheetImport, rows, user, headers=None):
    return importer.run(xlsx_upload(headers or importer.headers, rows), user=user)


def test_five_thousand_unions_import_in_a_bounded_number_of_queries_and_seconds(
        union_clerk, django_assert_max_num_queries):
    upload = xlsx_upload(HEADERS, [_union_row(index) for index in range(5000)])
    # CPU time of this process (the import runs in it, on SQLite): wall time on a shared machine measures the
    # other processes too.
    started, started_wall = time.process_time(), time.perf_counter()
    # Inserts go in batches of 500, except that SQLite caps a statement at 999 parameters, so there a batch of
    # unions is ~90 rows and of history rows ~65: about 27 queries per 1,000 rows, plus a constant few look-ups.
    # (One query per row would be 5,000.)
    with django_assert_max_num_queries(5 * 30) as captured:
        result = UnionImport().run(upload, user=union_clerk)
    seconds, wall = time.process_time() - started, time.perf_counter() - started_wall
    print(f"\n5,000-row union import: {seconds:.2f} s CPU ({wall:.2f} s wall), {len(captured.captured_queries)} queries")
    assert result.errors == []
    assert result.created == 5000
    assert seconds < 10
    assert Union.objects.count() == 5000
    assert Union.history.filter(history_type="+", history_user=union_clerk).count() == 5000


def test_two_thousand_meetings_look_up_their_unions_once_per_chunk(
        union_clerk, django_assert_max_num_queries):
    _run(UnionImport(), [_union_row(index, founded="2000-01-01") for index in range(50)], union_clerk)
    rows = [[f"大量字第{index % 50:05d}號", "理事會", "109/05/20"] for index in range(2000)]
    upload = xlsx_upload(StatutoryMeetingImport().headers, rows)
    with django_assert_max_num_queries(2 * 30):  # as for the unions above: one query per row would be 2,000
        result = StatutoryMeetingImport().run(upload, user=union_clerk)
    assert result.errors == []
    assert StatutoryMeeting.objects.filter(held_on=date(2020, 5, 20)).count() == 2000


def test_a_reupload_updates_only_the_rows_whose_values_differ(union_clerk, django_assert_max_num_queries):
    rows = [_union_row(index) for index in range(3)]
    assert _run(UnionImport(), rows, union_clerk).created == 3
    rows[1] = _union_row(1, members=99)
    with django_assert_max_num_queries(12):
        result = _run(UnionImport(), rows, union_clerk)
    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 1, 2)
    assert Union.objects.get(registration_number="大量字第00001號").members == 99
    history = {union.registration_number: union.history.count() for union in Union.objects.all()}
    assert history == {"大量字第00000號": 1, "大量字第00001號": 2, "大量字第00002號": 1}
    assert Union.history.filter(history_type="~").get().members == 99


def test_the_same_file_uploaded_twice_writes_nothing_the_second_time(union_clerk):
    rows = [_union_row(index) for index in range(3)]
    _run(UnionImport(), rows, union_clerk)
    before = {union.pk: union.updated_at for union in Union.objects.all()}
    result = _run(UnionImport(), rows, union_clerk)
    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 0, 3)
    assert {union.pk: union.updated_at for union in Union.objects.all()} == before
    assert Union.history.count() == 3


@pytest.mark.parametrize("typed", [
    "109/06/30", "109年6月30日", "民國109年6月30日", "109-06-30", "109.06.30", "1090630", "109/6/30",
    "2020-06-30", "2020/06/30", "20200630", date(2020, 6, 30),
])
def test_roc_and_iso_dates_are_accepted_in_every_form(typed):
    assert parse_spreadsheet_date(typed) == date(2020, 6, 30)


@pytest.mark.parametrize("typed", ["109/02/30", "109/13/01", "not a date", "12345", "0020/01/01x"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError):
        parse_spreadsheet_date(typed)


def test_an_roc_date_is_stored_as_its_gregorian_day(union_clerk):
    result = _run(UnionImport(), [_union_row(1, founded="099年1月5日")], union_clerk)
    assert result.errors == []
    assert Union.objects.get().founded_on == date(2010, 1, 5)


def test_an_impossible_date_names_the_row_the_column_and_the_expected_format(union_clerk):
    rows = [_union_row(1), _union_row(2, founded="109/02/30")]
    result = _run(UnionImport(), rows, union_clerk)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.startswith("第 3 列「成立日期」：「109/02/30」不是有效的日期。")
    assert "民國 109/06/30" in error and "2020-06-30" in error
    assert not Union.objects.exists()


def test_every_form_error_names_the_expected_format(union_clerk):
    bad = ["壞資料工會", "不存在的類型", "大量字第1號", "苓雅區", "2020-05-01", None, -3]
    errors = _run(UnionImport(), [bad], union_clerk).errors
    assert any(e.startswith("第 2 列「工會類型」") and "由下拉選單選擇：工會聯合組織、企業工會、產業工會、職業工會" in e for e in errors)
    assert any(e.startswith("第 2 列「會員人數」") and "0 以上的整數" in e for e in errors)


def test_the_rows_forms_share_one_copy_of_the_fields_and_each_keeps_its_own_errors(union_clerk, monkeypatch):
    """A form deep-copies its fields when made: an import copies them once, not once per row (a third of its
    time); a wrong row's errors stay its own, and a reference column still names an unknown record."""
    copies = []
    deepcopy = copy.deepcopy

    def counted(value, *args):
        if type(value) is dict and value and all(isinstance(field, forms.Field) for field in value.values()):
            copies.append(value)  # a form's fields copied
        return deepcopy(value, *args)

    monkeypatch.setattr(copy, "deepcopy", counted)
    _run(UnionImport(), [_union_row(1)], union_clerk)
    rows = [_union_row(2), [*_union_row(3)[:6], -3], _union_row(4), [*_union_row(5)[:6], -4]]
    result = _run(UnionImport(), rows, union_clerk)
    assert [error.split("」")[0] for error in result.errors] == ["第 3 列「會員人數", "第 5 列「會員人數"]
    meetings = [["大量字第00001號", "理事會", "109/05/20"], ["大量字第09999號", "理事會", "109/05/20"]]
    errors = _run(StatutoryMeetingImport(), meetings, union_clerk).errors
    assert len(errors) == 1 and errors[0].startswith("第 3 列")
    assert len(copies) == 3  # one per import


def test_the_template_has_drop_downs_for_choice_columns_and_an_instructions_sheet():
    workbook = load_workbook(io.BytesIO(UnionImport().template()))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS
    lists = {str(validation.sqref).split(":")[0]: validation for validation in sheet.data_validations.dataValidation}
    # 工會類型 is column B, 會址行政區 column D; free text and dates have none.
    assert set(lists) == {"B2", "D2"}
    options = workbook["選項"]
    assert options.sheet_state == "hidden"
    union_types = [row[0] for row in options.iter_rows(min_row=2, min_col=1, max_col=1, values_only=True) if row[0]]
    assert union_types == ["工會聯合組織", "企業工會", "產業工會", "職業工會"]
    assert lists["B2"].type == "list" and "選項" in lists["B2"].formula1
    instructions = workbook["填寫說明"]
    described = {row[0]: row for row in instructions.iter_rows(values_only=True) if row and row[0] in HEADERS}
    assert set(described) == set(HEADERS)
    assert described["登記證書字號"][1] == "必填"
    assert described["解散日期"][1] == "選填"
    assert "109/06/30" in described["成立日期"][2]


def test_a_database_outage_is_reported_as_such_not_as_a_duplicate(union_clerk, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(imports, "bulk_create_with_history", down)
    result = _run(UnionImport(), [_union_row(1)], union_clerk)
    assert result.errors == ["資料庫暫時無法寫入，整批未匯入，請稍後再試。"]
    assert not Union.objects.exists()


def test_a_unique_value_taken_meanwhile_names_the_row_and_column(union_clerk, monkeypatch):
    # Another clerk registers the same union between our validation and our write.
    Union.objects.create(name="別人剛登錄", union_type="craft", registration_number="大量字第00002號",
                         district="lingya", founded_on=date(2000, 1, 1))
    monkeypatch.setattr(UnionImport, "_prefetch_existing", lambda self, data_rows: {})
    result = _run(UnionImport(), [_union_row(1), _union_row(2)], union_clerk)
    assert len(result.errors) == 1
    assert result.errors[0].startswith("第 3 列「登記證書字號」：")
    assert Union.objects.count() == 1
