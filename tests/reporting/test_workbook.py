"""The workbook and CSV files say exactly what the JSON says."""

import csv

import pytest
from openpyxl import load_workbook

from labor_portal.core.sections import section_titles
from labor_portal.reporting import catalogue
from labor_portal.reporting.registry import registry
from labor_portal.reporting.workbook import LABEL_HEADER, MISSING

# pytest-django sets up the test database only for tests that ask for it; the demo_report fixture needs it.
pytestmark = pytest.mark.django_db


def _merged_value(sheet, row, column):
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sheet.cell(merged.min_row, merged.min_col).value
    return sheet.cell(row, column).value


def _read_tables(sheet):
    """Walk a section sheet: title, period label, one or two header rows, the data rows, an optional note."""
    tables, row = [], 1
    while row <= sheet.max_row:
        title = sheet.cell(row, 1).value
        if not title:
            row += 1
            continue
        period_label = sheet.cell(row + 1, 1).value
        header_row = row + 2
        two_levels = any(
            m.min_row == header_row and m.max_row == header_row + 1 and m.min_col == 1 for m in sheet.merged_cells.ranges
        )
        columns, column = [], 2
        while _merged_value(sheet, header_row, column) is not None:
            top = _merged_value(sheet, header_row, column)
            sub = sheet.cell(header_row + 1, column).value if two_levels else None
            columns.append(f"{top}:{sub}" if sub and sub != top else top)
            column += 1
        row = header_row + (2 if two_levels else 1)
        rows = []
        while row <= sheet.max_row and sheet.cell(row, 2).value is not None:
            values = []
            for offset in range(len(columns)):
                cell = sheet.cell(row, 2 + offset)
                value = cell.value
                if value == MISSING:
                    value = None
                elif "%" in cell.number_format:
                    value = round(value * 100, 2)
                values.append(value)
            rows.append({"label": sheet.cell(row, 1).value, "values": values})
            row += 1
        # A note follows the data rows directly; the next table's title comes after a blank row.
        note = sheet.cell(row, 1).value if row <= sheet.max_row else None
        row += 1
        tables.append({"title_zh": title, "period": period_label, "columns": columns, "rows": rows, "note": note})
    return tables


def _as_numbers(values):
    return [float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in values]


def _printed_columns(table):
    """The columns as the report prints them: 'top:sub' under a group (公立機關(構):機關), else the name."""
    return [f"{top}:{sub}" if sub else top for top, sub in catalogue.header_levels(table["columns"])]


def test_workbook_equals_the_json_cell_for_cell(demo_report):
    report = demo_report["json"]
    workbook = load_workbook(demo_report["xlsx"])
    label = report["period"]["label_zh"]
    for section, title in section_titles().items():
        expected = [t for t in report["tables"] if t["section"] == section]
        if not expected:
            assert str(title) not in workbook.sheetnames
            continue
        found = _read_tables(workbook[str(title)])
        assert [t["title_zh"] for t in found] == [t["title_zh"] for t in expected]
        for table, read in zip(expected, found, strict=True):
            assert read["period"] == label
            assert read["columns"] == _printed_columns(table)
            assert [r["label"] for r in read["rows"]] == [catalogue.row_label(r["label"]) for r in table["rows"]]
            for row, read_row in zip(table["rows"], read["rows"], strict=True):
                assert _as_numbers(read_row["values"]) == _as_numbers(row["values"]), (table["id"], row["label"])
            assert read["note"] == table.get("note")


def test_indicator_sheets_carry_every_indicator_with_its_unit(demo_report):
    report = demo_report["json"]
    workbook = load_workbook(demo_report["xlsx"])
    read = {}
    for sheet in workbook.worksheets:
        if sheet.title.endswith("數據明細"):
            assert sheet.cell(2, 2).value == report["period"]["label_zh"]
            # The report's sentences on the key-figures sheet; the figure-by-figure list on the next one.
            assert workbook.sheetnames[workbook.sheetnames.index(sheet.title) - 1].endswith("重要數據")
            header = 3
            assert sheet.cell(header, 1).value == "代碼"
            for code, label, value, unit in sheet.iter_rows(min_row=header + 1, max_col=4, values_only=True):
                read[code] = (value, unit, label)
    assert read == {i["id"]: (i["value"], i["unit"], i["label_zh"]) for i in report["indicators"]}


def test_percentages_are_numbers_with_a_percent_format(tmp_path):
    from labor_portal.core.periods import HalfYear
    from labor_portal.reporting.registry import ReportTable, Row
    from labor_portal.reporting.workbook import render_workbook

    class Shares(ReportTable):
        id = "unions.test_shares"
        title_zh = "測試"
        title_en = "test"
        columns = ["件數", "比率(%)"]
        percent_columns = frozenset({"比率(%)"})
        percent_decimals = 2

        def compute(self, period):
            return [Row("甲", [134, 19.79])]

    registry._tables[Shares.id] = Shares()
    try:
        snapshot = {"period": HalfYear(2020, 1).as_dict(), "tables": [Shares().snapshot(HalfYear(2020, 1))], "indicators": []}
        path = tmp_path / "t.xlsx"
        path.write_bytes(render_workbook(snapshot))
    finally:
        del registry._tables[Shares.id]
    sheet = load_workbook(path)["勞工組織"]
    cell = sheet.cell(4, 3)
    assert cell.value == 0.1979 and cell.number_format == "0.00%"
    assert sheet.cell(4, 2).number_format == "#,##0"


def test_one_csv_per_table_with_the_same_values(demo_report):
    for table in demo_report["json"]["tables"]:
        path = demo_report["csv_dir"] / f"{table['id']}.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [LABEL_HEADER, *table["columns"]]
        for expected, read in zip(table["rows"], rows[1:], strict=True):
            assert read == [expected["label"], *("" if v is None else str(v) for v in expected["values"])]
