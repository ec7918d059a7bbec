"""The report as an .xlsx workbook laid out like the printed report, and as CSV per table."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from labor_portal.core.sections import sections
from labor_portal.core.spreadsheets import safe_cell, safe_row
from labor_portal.reporting.registry import registry

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LABEL_HEADER = "項目"
MISSING = "-"  # the report prints '-' where a figure is not (yet) available


def render_workbook(snapshot: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    period_label = snapshot["period"]["label_zh"]
    for config in sections():
        section, title = config.label, str(config.title)
        tables = [table for table in snapshot["tables"] if table["section"] == section]
        indicators = [item for item in snapshot["indicators"] if item["section"] == section]
        if tables:
            sheet = workbook.create_sheet(title)
            row = 1
            for table in tables:
                row = _write_table(sheet, row, table, period_label) + 2
            _fit_columns(sheet)
        if indicators:
            _write_indicators(workbook.create_sheet(f"{title}重要數據"), indicators, title, period_label)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_levels(columns: list[str]) -> list[tuple[str, str | None]]:
    """'義務機關構數:合計' → ('義務機關構數', '合計'); a plain column has no second level."""
    return [tuple(column.split(":", 1)) if ":" in column else (column, None) for column in columns]


def _write_table(sheet, row: int, table: dict, period_label: str) -> int:
    width = len(table["columns"]) + 1
    spec = registry.get_table(table["id"])
    _merged(sheet, row, 1, row, width, table["title_zh"], Font(bold=True, size=13))
    _merged(sheet, row + 1, 1, row + 1, width, period_label, Font(italic=True))
    row += 2
    levels = _header_levels(table["columns"])
    two_levels = any(sub is not None for _top, sub in levels)
    header_rows = 2 if two_levels else 1
    _merged(sheet, row, 1, row + header_rows - 1, 1, LABEL_HEADER, Font(bold=True), header=True)
    column = 2
    while column - 2 < len(levels):
        top, sub = levels[column - 2]
        if sub is None:
            _merged(sheet, row, column, row + header_rows - 1, column, top, Font(bold=True), header=True)
            column += 1
            continue
        span = 1
        while column - 2 + span < len(levels) and levels[column - 2 + span][0] == top and levels[column - 2 + span][1]:
            span += 1
        _merged(sheet, row, column, row, column + span - 1, top, Font(bold=True), header=True)
        for offset in range(span):
            cell = sheet.cell(row + 1, column + offset, levels[column - 2 + offset][1])
            cell.font, cell.alignment, cell.border, cell.fill = Font(bold=True), CENTER, BOX, HEADER_FILL
        column += span
    row += header_rows
    for data_row in table["rows"]:
        # Row labels may come from records (a name, a district): never a formula.
        label_cell = sheet.cell(row, 1, safe_cell(data_row["label"]))
        label_cell.border, label_cell.font = BOX, Font(bold=True)
        for offset, (name, value) in enumerate(zip(table["columns"], data_row["values"], strict=True)):
            _value_cell(sheet.cell(row, 2 + offset), value, spec and spec.is_percent(data_row["label"], name), spec)
        row += 1
    if table.get("note"):
        _merged(sheet, row, 1, row, width, table["note"], Font(size=9))
        sheet.row_dimensions[row].height = 30
        row += 1
    return row - 1


def _value_cell(cell, value, is_percent: bool, spec) -> None:
    cell.border = BOX
    if value is None:
        cell.value, cell.alignment = MISSING, Alignment(horizontal="center")
    elif isinstance(value, str):
        cell.value, cell.alignment = safe_cell(value), Alignment(horizontal="center")
    elif is_percent:
        # A real number with a percent format, so that Excel can compute with it.
        decimals = spec.percent_decimals
        cell.value = round(value / 100, decimals + 2)
        cell.number_format = "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    elif isinstance(value, float) and not value.is_integer():
        cell.value, cell.number_format = value, "#,##0.0#"
    else:
        cell.value, cell.number_format = value, "#,##0"


def _merged(sheet, row, column, end_row, end_column, value, font, header=False) -> None:
    if (row, column) != (end_row, end_column):
        sheet.merge_cells(start_row=row, start_column=column, end_row=end_row, end_column=end_column)
    cell = sheet.cell(row, column, value)
    cell.font = font
    cell.alignment = CENTER if header else Alignment(horizontal="left", vertical="center", wrap_text=True)
    if header:
        for r in range(row, end_row + 1):
            for c in range(column, end_column + 1):
                sheet.cell(r, c).border, sheet.cell(r, c).fill = BOX, HEADER_FILL


def _write_indicators(sheet, indicators: list[dict], section_title: str, period_label: str) -> None:
    sheet.append([f"{section_title}重要數據", period_label])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["代碼", "說明", "數值", "單位"])
    for cell in sheet[2]:
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, BOX
    for item in indicators:
        sheet.append([item["id"], item["label_zh"], item["value"], item["unit"]])
        value_cell = sheet.cell(sheet.max_row, 3)
        value_cell.number_format = "#,##0" if float(item["value"]).is_integer() else "#,##0.0#"
    for letter, width in zip("ABCD", (42, 60, 14, 8), strict=True):
        sheet.column_dimensions[letter].width = width


def _fit_columns(sheet) -> None:
    sheet.column_dimensions["A"].width = 24
    for index in range(2, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16


def table_csv(table: dict) -> str:
    """One table as CSV, with a BOM so that Excel opens the Chinese text correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([LABEL_HEADER, *table["columns"]])
    for row in table["rows"]:
        writer.writerow(safe_row([row["label"], *("" if value is None else value for value in row["values"])]))
    return buffer.getvalue()
