"""The workbook prints like the report: cover, contents, A4 landscape pages, corner and grouped headers,
the report's sentences, native charts, English — from a snapshot of the 2020H1 figures."""

import copy
import io
import re

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, PieChart

from labor_portal.reporting import catalogue
from labor_portal.reporting.workbook import HEADER_FILL, _paginate, render_workbook
from tests.specification import CATALOGUE

HAN = re.compile(r"[\u4e00-\u9fff]")
APPROVED = {"state": "approved", "approved_at": "2020-07-20T09:30:00+08:00", "approved_by": "王科長", "revision": 1}


@pytest.fixture
def snapshot():
    return _snapshot()


@pytest.fixture(scope="module")
def workbook():
    """The catalogue's workbook as drafted, rendered once for the tests that only read it."""
    return _open(_snapshot())


def _snapshot() -> dict:
    """The catalogue in the snapshot's shape (indicators with the label_zh the registry gives them)."""
    data = copy.deepcopy(CATALOGUE)
    for item in data["indicators"]:
        item["label_zh"] = item["text_zh"]
    for table in data["tables"]:
        if "note" not in table:
            table.pop("note", None)
    data["generated_at"] = "2020-07-15T10:00:00+08:00"
    return data


def _open(snapshot, **kwargs):
    return load_workbook(io.BytesIO(render_workbook(snapshot, **kwargs)))


def _table_sheets(workbook):
    return [sheet for sheet in workbook.worksheets[2:] if sheet.column_dimensions["A"].hidden is False
            and any(sheet.cell(1, column).value for column in range(1, 3)) and "重要數據" not in sheet.title
            and sheet.title not in ("檢核", "Checks")]


def _cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_every_sheet_prints_on_a4_landscape_fitted_to_the_width_with_header_and_page_numbers(workbook):
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", int(sheet.PAPERSIZE_A4)), sheet.title
        assert (setup.fitToWidth, setup.fitToHeight, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
        assert sheet.oddHeader.left.text == "製表機關：高雄市政府勞工局"
        assert sheet.oddHeader.right.text == "製表日期：109年7月15日"
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    # One table on the sheet: its title, period and two header rows on every page.
    assert workbook["勞工福利"].print_title_rows.replace("$", "") == "1:4"
    assert workbook["勞工組織重要數據"].print_title_rows.replace("$", "") == "1:2"
    # The figure-by-figure list: its title, period and header on every page (就業安全's runs over two pages).
    assert workbook["就業安全數據明細"].print_title_rows.replace("$", "") == "1:3"
    assert workbook["就業安全數據明細"].cell(3, 2).value == "說明"


def _hidden_ids(sheet) -> dict[int, str]:
    """{row: value} of the hidden id column of a tables sheet (table id, columns, then each row's label)."""
    hidden = [column for column, dimension in sheet.column_dimensions.items() if dimension.hidden and column != "A"]
    if not hidden:
        return {}
    index = sheet[f"{hidden[0]}1"].column
    return {row: sheet.cell(row, index).value for row in range(1, sheet.max_row + 1) if sheet.cell(row, index).value}


def test_a_table_that_would_not_fit_on_the_rest_of_the_page_starts_a_new_one(snapshot):
    workbook = _open(snapshot)
    table_ids = {table["id"] for table in snapshot["tables"]}
    for sheet in workbook.worksheets:
        ids = _hidden_ids(sheet)
        titles = sorted(row for row, value in ids.items() if value in table_ids)
        if not titles:
            continue
        for title_row, next_title in zip(titles, [*titles[1:], sheet.max_row + 1], strict=True):
            last_row = max(row for row in ids if title_row <= row < next_title)
            assert not [brk.id for brk in sheet.row_breaks.brk if title_row <= brk.id < last_row], sheet.title
    # The disputes sheet holds more than a page: its second table starts a new page.
    disputes = workbook["勞資關係"]
    second = next(row for row, value in _hidden_ids(disputes).items() if value == "disputes.by_channel")
    assert [brk.id for brk in disputes.row_breaks.brk] == [second - 1]


def test_pagination_breaks_before_a_block_only_when_it_fits_on_a_page_of_its_own():
    from openpyxl import Workbook

    sheet = Workbook().active
    for row in range(1, 61):
        sheet.row_dimensions[row].height = 20
    # Blocks of 10, 10 and 30 rows (200, 200, 600 points) on pages of 450 points: the last one is cut anyway.
    _paginate(sheet, [(1, 10), (12, 21), (23, 52)], capacity=450)
    assert [brk.id for brk in sheet.row_breaks.brk] == []
    sheet = Workbook().active
    for row in range(1, 40):
        sheet.row_dimensions[row].height = 20
    # Two blocks fill the page (200 + 20 + 200 points): the third, which fits on a page, starts the next.
    _paginate(sheet, [(1, 10), (12, 21), (23, 32)], capacity=450)
    assert [brk.id for brk in sheet.row_breaks.brk] == [22]


def test_the_cover_says_who_what_when_and_whether_it_is_approved(snapshot):
    cover = _open(snapshot, status=APPROVED)["封面"]
    text = " ".join(str(cell.value) for cell in _cells(cover))
    for expected in ("高雄市政府勞工局", "109年1月至6月", "109年7月15日", "已核定公布", "王科長", "109年7月20日"):
        assert expected in text
    draft = " ".join(str(cell.value) for cell in _cells(_open(snapshot)["封面"]))
    assert "草稿" in draft and "已核定" not in draft
    revision = {**APPROVED, "state": "revision", "revision": 3}
    assert "第3版修訂" in " ".join(str(c.value) for c in _cells(_open(snapshot, status=revision)["封面"]))


def test_the_contents_link_to_every_sheet_and_to_every_table(snapshot):
    workbook = _open(snapshot)
    assert workbook.sheetnames[:2] == ["封面", "目錄"]
    links = {cell.value: cell.hyperlink.location for cell in _cells(workbook["目錄"]) if cell.hyperlink}
    for name in workbook.sheetnames[2:]:
        assert links[name] in (f"{name}!A1", f"'{name}'!A1")
    for table in snapshot["tables"]:
        sheet_name, cell = links[table["title_zh"]].split("!")
        sheet = workbook[sheet_name.strip("'")]
        assert sheet[cell.replace("$", "")].value == table["title_zh"]


def test_corner_and_grouped_headers_as_printed(workbook):
    unions = workbook["勞工組織"]
    corner = unions.cell(3, 1)
    assert corner.value.split("\n")[0].strip() == "類別" and corner.value.split("\n")[1] == "數量"
    assert corner.border.diagonalDown
    assert workbook["勞動條件"].cell(3, 1).value == "名次"
    quota = workbook["職業重建"]
    merged = {str(r): quota.cell(r.min_row, r.min_col).value for r in quota.merged_cells.ranges}
    assert merged["C3:F3"] == "公立機關(構)" and merged["G3:J3"] == "私立機關(構)" and merged["B3:B4"] == "總計"
    assert [quota.cell(4, c).value for c in range(3, 7)] == ["合計", "機關", "學校", "公營企業"]
    welfare = workbook["勞工福利"]
    merged = {str(r): welfare.cell(r.min_row, r.min_col).value for r in welfare.merged_cells.ranges}
    assert merged["B3:C3"] == "職災死亡(10~30萬)"
    assert [welfare.cell(4, c).value for c in range(2, 4)] == ["件數", "金額"]
    assert welfare.cell(3, 2).fill == HEADER_FILL


def test_numbers_have_thousands_separators_in_both_languages(snapshot):
    for lang in ("zh-hant", "en"):
        workbook = _open(snapshot, lang=lang)
        numbers = [cell for sheet in workbook.worksheets for cell in _cells(sheet)
                   if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)]
        assert numbers
        assert {cell.number_format for cell in numbers} <= {"#,##0", "#,##0.0#", "0%", "0.00%"}
        assert any(cell.value >= 1000 and cell.number_format == "#,##0" for cell in numbers)


def test_key_figures_are_the_reports_sentences_with_the_ids_in_a_hidden_column(snapshot):
    sheet = _open(snapshot)["就業安全重要數據"]
    assert sheet.column_dimensions["A"].hidden
    rows = {sheet.cell(row, 2).value: sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)}
    sentence = next(text for text in rows if text and "就業歧視暨性別工作平等申訴案件47案" in text)
    assert sentence.endswith("以往工會會員歧視1案及其他1案。")
    assert rows[sentence] == "employment.discrimination_complaints"
    changed = copy.deepcopy(snapshot)
    next(t for t in changed["tables"] if t["id"] == "employment.discrimination_complaints")["rows"][0]["values"][-1] = 48
    sheet = _open(changed)["就業安全重要數據"]
    texts = [sheet.cell(row, 2).value or "" for row in range(1, sheet.max_row + 1)]
    assert any("申訴案件48案" in text for text in texts) and not any("申訴案件47案" in text for text in texts)
    # The first printed column is the text: the ids never print.
    assert str(sheet.print_area).startswith("'就業安全重要數據'!$B$1")


def test_english_key_figures_sheets_write_the_reports_sentences_in_english(snapshot):
    changed = copy.deepcopy(snapshot)
    next(t for t in changed["tables"] if t["id"] == "employment.discrimination_complaints")["rows"][0]["values"][-1] = 48
    sheet = _open(changed, lang="en")["Employment services figures"]
    rows = {sheet.cell(row, 2).value: sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)}
    sentence = next(text for text in rows if text and "48 employment discrimination and gender equality" in text)
    assert sentence.startswith("2. In January to June 2020, 48 employment discrimination")
    assert rows[sentence] == "employment.discrimination_complaints"
    assert not any("47 employment discrimination" in (text or "") for text in rows)
    assert not any(text and any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in rows)


def test_native_charts_for_disputes_ranking_quota_and_condolence(workbook):
    kinds = {name: [type(chart) for chart in workbook[name]._charts] for name in workbook.sheetnames}
    assert kinds["勞資關係"] == [BarChart]
    assert kinds["勞動條件"] == [BarChart]
    assert kinds["職業重建"] == [PieChart]
    assert kinds["勞工福利"] == [BarChart]
    assert kinds["勞工組織"] == []
    condolence = workbook["勞工福利"]._charts[0]
    assert len(condolence.series) == 4  # one bar per band, the total left out


def test_the_english_workbook_has_english_titles_labels_notes_and_sheet_names(snapshot):
    workbook = _open(snapshot, lang="en", status=APPROVED)
    assert workbook.sheetnames[:4] == ["Cover", "Contents", "Unions", "Unions figures"]
    assert not any(HAN.search(name) for name in workbook.sheetnames)
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    relations = workbook["Labor relations"]
    texts = [cell.value for cell in _cells(relations) if isinstance(cell.value, str)]
    assert texts[0] == catalogue.title("disputes.by_category", "en") == "Labor disputes received, by category and outcome"
    assert "The total includes settled, not settled, withdrawn and pending cases." in texts
    printed = [cell for sheet in workbook.worksheets for cell in _cells(sheet)
               if not sheet.column_dimensions[cell.column_letter].hidden and isinstance(cell.value, str)]
    chinese = {cell.value for cell in printed if HAN.search(cell.value)}
    assert chinese <= {"王科長"}  # a name stays as written; every title, header and label is English
    assert workbook["Cover"]["C8"].value.startswith("January to June 2020")


def test_consistency_checks_are_listed_on_their_own_sheet_and_stay_text(snapshot):
    snapshot["checks"] = [
        {"table": "disputes.by_category", "message_zh": "小計不等於各列之和", "message_en": "Subtotal is not the sum"},
        {"table": None, "message_zh": "=HYPERLINK(\"x\")", "message_en": "=HYPERLINK(\"x\")"},
    ]
    sheet = _open(snapshot)["檢核"]
    rows = [(sheet.cell(row, 1).value, sheet.cell(row, 2).value) for row in range(4, sheet.max_row + 1)]
    assert rows == [("受理勞資爭議案件統計－依爭議類別分", "小計不等於各列之和"), ("全報表", "'=HYPERLINK(\"x\")")]
    english = _open(snapshot, lang="en")["Checks"]
    assert english.cell(4, 2).value == "Subtotal is not the sum"
    assert "檢核" not in _open(dict(snapshot, checks=[]), lang="zh-hant").sheetnames


def test_the_content_is_the_same_for_the_same_snapshot_and_status(snapshot):
    def content(data):
        workbook = _open(data, status=APPROVED)
        return [[cell.value for cell in _cells(sheet)] for sheet in workbook.worksheets]

    assert content(snapshot) == content(copy.deepcopy(snapshot))
    assert render_workbook(snapshot)[:2] == b"PK"  # the call without keywords still works
