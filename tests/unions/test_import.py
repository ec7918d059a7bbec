import io
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook

from tests.spreadsheets import xlsx_upload
from unions.imports import UnionImport
from unions.models import EducationEvent, StatutoryMeeting, Union

from .factories import UnionFactory

HEADERS = UnionImport().headers


def _xlsx(rows, headers=HEADERS):
    return xlsx_upload(headers, rows, name="unions.xlsx")


GOOD_ROWS = [
    ["高雄市第一示範職業工會", "職業工會", "匯入字第001號", "苓雅區", date(2010, 1, 5), None, 120],
    ["示範企業工會", "企業工會", "匯入字第002號", "小港區", "2015-03-01", "2020-07-01", 80],
]


def test_the_template_is_downloadable_and_has_the_columns(client, union_clerk):
    client.force_login(union_clerk)
    response = client.get(reverse("admin:unions_union_import_template"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS


def test_a_good_file_adds_every_row(client, union_clerk):
    client.force_login(union_clerk)
    response = client.post(reverse("admin:unions_union_import"), {"file": _xlsx(GOOD_ROWS)})
    assert response.status_code == 302
    assert Union.objects.count() == 2
    union = Union.objects.get(registration_number="匯入字第002號")
    assert (union.union_type, union.district, union.dissolved_on) == ("enterprise", "xiaogang", date(2020, 7, 1))
    assert union.created_by == union_clerk
    assert union.history.count() == 1


def test_a_file_with_one_bad_row_adds_nothing_and_names_the_row(client, union_clerk):
    client.force_login(union_clerk)
    bad = ["壞資料工會", "不存在的類型", "匯入字第003號", "苓雅區", "2020-05-01", "2020-04-01", -3]
    response = client.post(reverse("admin:unions_union_import"), {"file": _xlsx([*GOOD_ROWS, bad])})
    assert response.status_code == 200
    assert Union.objects.count() == 0
    text = response.text
    assert "第 4 列「工會類型」" in text
    assert "第 4 列「會員人數」" in text
    assert "第 4 列「解散日期」：解散日期不得早於成立日期" in text


def test_duplicates_within_the_file_are_named_and_nothing_is_kept(client, union_clerk):
    client.force_login(union_clerk)
    duplicate = [*GOOD_ROWS, GOOD_ROWS[0]]
    response = client.post(reverse("admin:unions_union_import"), {"file": _xlsx(duplicate)})
    assert "第 4 列" in response.text
    assert Union.objects.count() == 0


def test_wrong_headers_or_not_a_spreadsheet_are_refused_clearly(client, union_clerk):
    client.force_login(union_clerk)
    response = client.post(reverse("admin:unions_union_import"), {"file": _xlsx(GOOD_ROWS, headers=["名稱"])})
    assert "欄位名稱與範本不符" in response.text
    junk = io.BytesIO(b"not a workbook")
    junk.name = "x.xlsx"
    response = client.post(reverse("admin:unions_union_import"), {"file": junk})
    assert "無法讀取檔案" in response.text
    assert Union.objects.count() == 0


def test_meetings_are_imported_against_their_union(client, union_clerk):
    UnionFactory(registration_number="既有字第001號", founded_on=date(2000, 1, 1))
    client.force_login(union_clerk)
    rows = [["既有字第001號", "理事會", "2020-05-20"], ["既有字第001號", "監事會", "2020-06-20"]]
    headers = ["工會登記證書字號", "會議類別", "開會日期"]
    response = client.post(reverse("admin:unions_statutorymeeting_import"), {"file": _xlsx(rows, headers)})
    assert response.status_code == 302
    assert StatutoryMeeting.objects.count() == 2
    rows.append(["沒有字第999號", "理事會", "2020-05-20"])
    response = client.post(reverse("admin:unions_statutorymeeting_import"), {"file": _xlsx(rows, headers)})
    assert "第 4 列「工會登記證書字號」：查無此登記證書字號的工會" in response.text
    assert StatutoryMeeting.objects.count() == 2


def test_other_sections_cannot_import_unions(client, make_staff):
    client.force_login(make_staff("disputes"))
    assert client.post(reverse("admin:unions_union_import"), {"file": _xlsx(GOOD_ROWS)}).status_code == 403
    assert Union.objects.count() == 0


def test_education_events_are_imported_with_their_subsidies(client, union_clerk):
    UnionFactory(registration_number="既有字第002號", founded_on=date(2000, 1, 1))
    client.force_login(union_clerk)
    headers = ["工會登記證書字號", "活動名稱", "辦理日期", "補助金額(元)"]
    rows = [["既有字第002號", "勞基法研習", "2020-04-18", 80000], ["既有字第002號", "職安講座", "2020-05-02", -1]]
    response = client.post(reverse("admin:unions_educationevent_import"), {"file": _xlsx(rows, headers)})
    assert "第 3 列「補助金額(元)」" in response.text
    assert not EducationEvent.objects.exists()
    response = client.post(reverse("admin:unions_educationevent_import"), {"file": _xlsx(rows[:1], headers)})
    assert response.status_code == 302
    assert EducationEvent.objects.get().subsidy_amount == 80000


def test_a_reupload_updates_the_union_instead_of_listing_duplicates(client, union_clerk):
    client.force_login(union_clerk)
    assert client.post(reverse("admin:unions_union_import"), {"file": _xlsx(GOOD_ROWS)}).status_code == 302
    changed = [GOOD_ROWS[0], [*GOOD_ROWS[1][:6], 95]]
    response = client.post(reverse("admin:unions_union_import"), {"file": _xlsx(changed)})
    assert response.status_code == 302
    assert Union.objects.count() == 2
    assert Union.objects.get(registration_number="匯入字第002號").members == 95
    assert Union.objects.get(registration_number="匯入字第001號").history.count() == 1
    assert Union.objects.get(registration_number="匯入字第002號").history.count() == 2


def test_meetings_accept_roc_dates_and_an_impossible_one_names_its_row(client, union_clerk):
    UnionFactory(registration_number="既有字第003號", founded_on=date(2000, 1, 1))
    client.force_login(union_clerk)
    headers = ["工會登記證書字號", "會議類別", "開會日期"]
    rows = [["既有字第003號", "理事會", "109/06/30"], ["既有字第003號", "監事會", "109年7月1日"],
            ["既有字第003號", "理事會", "109/02/30"]]
    response = client.post(reverse("admin:unions_statutorymeeting_import"), {"file": _xlsx(rows, headers)})
    assert "第 4 列「開會日期」：「109/02/30」不是有效的日期。" in response.text
    assert not StatutoryMeeting.objects.exists()
    response = client.post(reverse("admin:unions_statutorymeeting_import"), {"file": _xlsx(rows[:2], headers)})
    assert response.status_code == 302
    assert sorted(StatutoryMeeting.objects.values_list("held_on", flat=True)) == [date(2020, 6, 30), date(2020, 7, 1)]


def test_the_template_offers_drop_downs_and_instructions(client, union_clerk):
    client.force_login(union_clerk)
    workbook = load_workbook(io.BytesIO(client.get(reverse("admin:unions_union_import_template")).content))
    assert len(workbook.active.data_validations.dataValidation) == 2
    assert "填寫說明" in workbook.sheetnames
