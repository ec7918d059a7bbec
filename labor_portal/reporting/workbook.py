"""The report as an .xlsx workbook laid out like the printed report, and as CSV per table.

Sheets: a cover (bureau, period in the ROC calendar, date generated, approval state), the contents with links,
then per section its tables (with native charts where a picture reads faster) and its key figures in the
report's own sentences, and the run's consistency checks when there are any. Every sheet prints on A4 landscape
fitted to the page width, with the bureau, the date and "page x of y" in its header and footer; a table is never
cut across pages where it fits on one. The same workbook in English with lang="en".
"""

import copy
import csv
import io
import json
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference, Series
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from labor_portal.core.periods import HalfYear
from labor_portal.core.sections import sections
from labor_portal.core.spreadsheets import safe_cell, safe_row
from labor_portal.reporting import catalogue, sentences
from labor_portal.reporting.registry import registry

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CORNER_BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN, diagonal=THIN, diagonalDown=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
LABEL_HEADER = "項目"
MISSING = "-"  # the report prints '-' where a figure is not (yet) available
NUMBER = "#,##0"
DECIMAL = "#,##0.0#"
# Cell styles used by the hundreds, registered once per workbook: assigning a named style is a copy, where
# assigning a font, border and fill each time makes openpyxl look each of them up again.
HEADER, FIGURE, TEXT = "報表表頭", "報表數值", "報表文字"
NAMED_STYLES = (
    NamedStyle(HEADER, font=Font(bold=True), border=BOX, fill=HEADER_FILL, alignment=CENTER),
    NamedStyle(FIGURE, border=BOX),
    NamedStyle(TEXT, border=BOX, alignment=Alignment(vertical="center", wrap_text=True)),
)

# The page: A4 landscape, in points, less the margins (inches) that hold the header and footer.
MARGINS = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25)
PAGE_HEIGHT = 595.3 - (MARGINS.top + MARGINS.bottom) * 72
PAGE_WIDTH = 841.9 - (MARGINS.left + MARGINS.right) * 72
# Programs measure fonts and scale a little differently: a page is planned 90% full.
PAGE_FILL = 0.9
LINE = 15  # points per line of text
CHART_ROWS, CHART_ROW_HEIGHT = 10, 18  # room left under a table for its chart (6.35 cm high)

# Words of the workbook itself, (zh-Hant, English).
WORDS = {
    "bureau": ("高雄市政府勞工局", "Labor Affairs Bureau, Kaohsiung City Government"),
    "report": ("勞工行政業務統計報告", "Labor affairs statistics report"),
    "cover": ("封面", "Cover"),
    "contents": ("目錄", "Contents"),
    "checks": ("檢核", "Checks"),
    "key_figures": ("{}重要數據", "Key figures: {}"),
    "key_figures_sheet": ("{}重要數據", "{} figures"),
    "period": ("統計期間", "Period"),
    "generated": ("製表日期", "Date generated"),
    "issuer": ("製表機關", "Compiled by"),
    "state": ("核定狀態", "Approval"),
    "draft": ("草稿（尚未核定，數據可能變動）", "Draft (not approved; figures may change)"),
    "approved": ("已核定公布", "Approved and published"),
    "revision": ("已核定公布（第{}版修訂）", "Approved and published (revision {})"),
    "approved_by": ("核定人", "Approved by"),
    "approved_at": ("核定日期", "Approved on"),
    "page": ("第 &P 頁，共 &N 頁", "Page &P of &N"),
    "code": ("代碼", "Id"),
    "description": ("說明", "Description"),
    "value": ("數值", "Value"),
    "unit": ("單位", "Unit"),
    "figures_sheet": ("{}數據明細", "{} data"),
    "figures_title": ("{}重要數據明細", "Figures: {}"),
    "sheet": ("工作表", "Sheet"),
    "table": ("表", "Table"),
    "finding": ("檢核結果", "Finding"),
    "whole_report": ("全報表", "Whole report"),
    "colon": ("：", ": "),
    "contents_note": ("點選名稱即可前往該表。", "Select a name to go to it."),
}
# A sheet name has at most 31 characters.
SHORT_EN = {"Vocational rehabilitation": "Vocational rehab."}


def render_workbook(snapshot: dict, *, lang: str = "zh-hant", status: dict | None = None) -> bytes:
    """The snapshot as a print-ready workbook in `lang`; `status` is the approval state for the cover (None: a
    draft): {"state": "approved"|"draft"|"revision", "approved_at": iso, "approved_by": name, "revision": n}.

    The content depends only on the snapshot, the language and the status (the date generated is the snapshot's
    or the status's `generated_at`; today's only when neither has one).
    """
    english = catalogue.is_english(lang)
    with translation.override("en" if english else "zh-hant"):
        return _Report(snapshot, "en" if english else "zh-hant", status or {}).render()


@dataclass
class TablePlace:
    """Where a table landed on its sheet: rows of its data by label, columns by name."""

    title_row: int
    header_row: int  # the last header row: the one with the column names under any group
    rows: dict[str, int] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    last_row: int = 0


class _Report:
    def __init__(self, snapshot: dict, lang: str, status: dict):
        self.snapshot, self.lang, self.status = snapshot, lang, status
        self.english = lang == "en"
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)
        for style in NAMED_STYLES:
            self.workbook.add_named_style(copy.copy(style))
        period = snapshot["period"]
        half_year = HalfYear(period["year"], period["half"])
        self.period_label = half_year.label_en if self.english else period.get("label_zh") or half_year.label_zh
        self.generated_on = _generated_on(snapshot, status)
        self.contents: list[tuple[str, str, int]] = []  # (sheet, what, row) in order

    def word(self, key: str, *args) -> str:
        text = WORDS[key][1 if self.english else 0]
        return text.format(*args) if args else text

    def render(self) -> bytes:
        cover = self.workbook.create_sheet(self.word("cover"))
        contents = self.workbook.create_sheet(self.word("contents"))
        for config in sections():
            self._section(config.label, str(config.title))
        if self.snapshot.get("checks"):
            self._checks(self.snapshot["checks"])
        self._cover(cover)
        self._contents(contents)
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()

    # --- cover and contents ---------------------------------------------------------------------------------

    def _cover(self, sheet) -> None:
        sheet.column_dimensions["A"].width = 4
        sheet.column_dimensions["B"].width = 22
        sheet.column_dimensions["C"].width = 70
        _text(sheet, 3, 2, self.word("bureau"), Font(bold=True, size=22), height=36)
        _text(sheet, 5, 2, self.word("report"), Font(bold=True, size=18), height=30)
        lines = [
            (self.word("period"), f"{self.period_label}（{self.snapshot['period']['year']}H{self.snapshot['period']['half']}）"
             if not self.english else f"{self.period_label} ({self.snapshot['period']['year']}H{self.snapshot['period']['half']})"),
            (self.word("issuer"), self.word("bureau")),
            (self.word("generated"), self._date(self.generated_on)),
            (self.word("state"), self._state()),
        ]
        if self.status.get("state") in ("approved", "revision"):
            approved_at = _parse_date(self.status.get("approved_at"))
            lines += [(self.word("approved_by"), safe_cell(self.status.get("approved_by") or MISSING)),
                      (self.word("approved_at"), self._date(approved_at) if approved_at else MISSING)]
        for offset, (name, value) in enumerate(lines):
            _text(sheet, 8 + offset, 2, name, Font(bold=True, size=13), height=24)
            _text(sheet, 8 + offset, 3, value, Font(size=13), height=24)
        self._print_setup(sheet, self.word("cover"))

    def _state(self) -> str:
        state = self.status.get("state") or "draft"
        if state == "revision":
            return self.word("revision", self.status.get("revision") or "")
        return self.word("approved" if state == "approved" else "draft")

    def _contents(self, sheet) -> None:
        sheet.column_dimensions["A"].width = 30
        sheet.column_dimensions["B"].width = 80
        _text(sheet, 1, 1, self.word("contents"), Font(bold=True, size=16), height=28)
        _text(sheet, 2, 1, self.word("contents_note"), Font(italic=True, size=10), height=LINE + 3)
        row = 3
        for name in self.workbook.sheetnames[2:]:
            row += 1
            _link(sheet.cell(row, 1, name), name, 1, bold=True)
            sheet.row_dimensions[row].height = LINE + 5
            for sheet_name, what, target in self.contents:
                if sheet_name == name and what != name:
                    row += 1
                    _link(sheet.cell(row, 2, what), name, target)
                    sheet.row_dimensions[row].height = LINE + 5
        sheet.print_title_rows = "1:1"
        self._print_setup(sheet, self.word("contents"))

    # --- a section: its tables, then its key figures ---------------------------------------------------------

    def _section(self, section: str, title: str) -> None:
        tables = [table for table in self.snapshot["tables"] if table["section"] == section]
        indicators = [item for item in self.snapshot["indicators"] if item["section"] == section]
        if tables:
            self._tables_sheets(title, tables)
        if indicators:
            short = SHORT_EN.get(title, title) if self.english else title
            self._figures_sheet(_sheet_name(self.word("key_figures_sheet", short)), section, indicators, title)
            self._figures_list_sheet(_sheet_name(self.word("figures_sheet", short)), indicators, title)

    def _tables_sheets(self, section_title: str, tables: list[dict]) -> None:
        """The section's tables on one sheet; but a table longer than a page gets a sheet of its own, the only
        place where its header can repeat on each page (a sheet has one range of print titles). The tables
        around it keep their order, on the sheets before and after it."""
        contents_before = len(self.contents)
        sheet, long_tables = self._tables_sheet(_sheet_name(section_title), tables, section_title)
        if not long_tables or len(tables) == 1:
            return
        self.workbook.remove(sheet)
        del self.contents[contents_before:]
        groups: list[list[dict]] = []
        for table in tables:
            if table["id"] in long_tables or not groups or groups[-1][0]["id"] in long_tables:
                groups.append([table])
            else:
                groups[-1].append(table)
        for number, group in enumerate(groups, start=1):
            name = _sheet_name(section_title) if number == 1 else f"{_sheet_name(section_title)[:26]} ({number})"
            self._tables_sheet(name, group, section_title)

    def _tables_sheet(self, name: str, tables: list[dict], section_title: str):
        """The tables on a new sheet; returns it and the ids of the tables taller than a page."""
        sheet = self.workbook.create_sheet(name)
        width = max(len(table["columns"]) for table in tables) + 1
        id_column = width + 2  # hidden: the ids for machines
        _fit_columns(sheet, tables, width, self.english)
        blocks, places, row = [], [], 1
        for table in tables:
            place = self._write_table(sheet, row, table, id_column)
            places.append(place)
            blocks.append((row, place.last_row))
            self.contents.append((name, self._title(table), row))
            row = place.last_row + 1
            chart = _chart(sheet, table, place, self._title(table), _columns_width_cm(sheet, width))
            if chart is not None:
                row += 1
                sheet.add_chart(chart, f"A{row}")
                for offset in range(CHART_ROWS):
                    sheet.row_dimensions[row + offset].height = CHART_ROW_HEIGHT
                blocks.append((row, row + CHART_ROWS - 1))
                row += CHART_ROWS
            sheet.row_dimensions[row].height = 12
            row += 1
        sheet.column_dimensions[get_column_letter(id_column)].hidden = True
        if len(tables) == 1:
            sheet.print_title_rows = f"1:{places[0].header_row}"  # one table: its title and header on each page
        self._print_setup(sheet, f"{section_title}　{self.period_label}", columns=width, last_row=row)
        capacity = _page_capacity(sheet, width)
        _paginate(sheet, blocks, capacity)
        return sheet, {table["id"] for table, place in zip(tables, places, strict=True)
                       if _height(sheet, place.title_row, place.last_row) > capacity}

    def _title(self, table: dict) -> str:
        if self.english:
            return catalogue.title(table["id"], "en", table.get("title_en") or table["title_zh"])
        return table["title_zh"]

    def _write_table(self, sheet, row: int, table: dict, id_column: int) -> TablePlace:
        width = len(table["columns"]) + 1
        spec = registry.get_table(table["id"])
        _merged(sheet, row, 1, row, width, self._title(table), Font(bold=True, size=13))
        sheet.row_dimensions[row].height = 22
        sheet.cell(row, id_column, safe_cell(table["id"]))
        _merged(sheet, row + 1, 1, row + 1, width, self.period_label, Font(italic=True))
        sheet.row_dimensions[row + 1].height = 18
        row += 2
        header_rows = self._write_header(sheet, row, table)
        sheet.cell(row, id_column, safe_cell(json.dumps(table["columns"], ensure_ascii=False)))
        place = TablePlace(title_row=row - 2, header_row=row + header_rows - 1)
        place.columns = {name: 2 + offset for offset, name in enumerate(table["columns"])}
        row += header_rows
        for data_row in table["rows"]:
            self._write_row(sheet, row, table, data_row, spec)
            sheet.cell(row, id_column, safe_cell(data_row["label"]))
            place.rows.setdefault(data_row["label"], row)
            row += 1
        note = catalogue.note(table["id"], self.lang, table.get("note"))
        if note:
            _merged(sheet, row, 1, row, width, note, Font(size=9))
            sheet.row_dimensions[row].height = _lines(note, _chars(sheet, width)) * 12 + 4
            row += 1
        place.last_row = row - 1
        return place

    def _write_header(self, sheet, row: int, table: dict) -> int:
        """The corner (類別 over 數量, split by a diagonal line) and the column headers, in one or two rows."""
        levels = catalogue.header_levels(table["columns"])
        header_rows = 2 if any(sub is not None for _top, sub in levels) else 1
        top, side = catalogue.corner(table["id"], self.lang)
        # As printed: the columns' word top right, the rows' word bottom left, a diagonal line between them.
        indent = max(int(sheet.column_dimensions["A"].width or 16) - _display_width(top) - 3, 0) // 2
        corner = f"{'　' * indent}{top}\n{side}" if side else top
        _merged(sheet, row, 1, row + header_rows - 1, 1, corner, Font(bold=True), header=True)
        if side:
            sheet.cell(row, 1).border = CORNER_BOX
            sheet.cell(row, 1).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        column, texts = 2, []
        while column - 2 < len(levels):
            name, sub = levels[column - 2]
            span = 1
            while sub is not None and column - 2 + span < len(levels) and levels[column - 2 + span][0] == name \
                    and levels[column - 2 + span][1] is not None:
                span += 1
            end_row = row if sub is not None else row + header_rows - 1
            _merged(sheet, row, column, end_row, column + span - 1, self._label(name), Font(bold=True), header=True)
            texts.append((self._label(name), span))
            for offset in range(span if sub is not None else 0):
                text = self._label(levels[column - 2 + offset][1])
                sheet.cell(row + 1, column + offset, text).style = HEADER
                texts.append((text, 1))
            column += span
        column_chars = sheet.column_dimensions["B"].width or 14
        lines = max([_lines(text, column_chars * span) for text, span in texts] + [2 if side else 1])
        for offset in range(header_rows):
            sheet.row_dimensions[row + offset].height = min(lines, 4) * LINE + 6
        return header_rows

    def _write_row(self, sheet, row: int, table: dict, data_row: dict, spec) -> None:
        # Row labels may come from records (a name, a district): never a formula.
        label_cell = sheet.cell(row, 1, safe_cell(catalogue.row_label(data_row["label"], self.lang)))
        label_cell.border, label_cell.font = BOX, Font(bold=True)
        label_cell.alignment = Alignment(vertical="center", wrap_text=True)
        for offset, (name, value) in enumerate(zip(table["columns"], data_row["values"], strict=True)):
            if isinstance(value, str):
                value = self._label(value)
            _value_cell(sheet.cell(row, 2 + offset), value, spec and spec.is_percent(data_row["label"], name), spec)
        sheet.row_dimensions[row].height = max(_lines(str(label_cell.value), sheet.column_dimensions["A"].width), 1) \
            * LINE + 5

    def _label(self, text):
        return catalogue.label(text, self.lang) if self.english else text

    # --- key figures: the report's sentences, then every figure with its id --------------------------------

    def _figures_sheet(self, name: str, section: str, indicators: list[dict], section_title: str) -> None:
        """The report's sentences. The figure-by-figure list follows on a sheet of its own, where its header can
        repeat on each page: a sheet has one range of print titles, and here it holds the title."""
        sheet = self._titled_sheet(name, self.word("key_figures", section_title))
        row = 4
        for number, (text, ids) in enumerate(sentences.key_figures(self.snapshot, section, self.lang), start=1):
            sheet.cell(row, 1, safe_cell(", ".join(ids)))
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
            _text(sheet, row, 2, f"{number}. {text}", Font(size=11), height=_lines(text, 112) * LINE + 6)
            row += 1
        sheet.print_title_rows = "1:2"
        self._print_setup(sheet, f"{section_title}　{self.period_label}", columns=4, last_row=sheet.max_row, first="B")
        if row > 4:
            _paginate(sheet, [(4, row - 1)], _page_capacity(sheet, 4, first=2) - 40)  # less the two title rows

    def _figures_list_sheet(self, name: str, indicators: list[dict], section_title: str) -> None:
        sheet = self._titled_sheet(name, self.word("figures_title", section_title))
        last_row = self._figures_table(sheet, 3, indicators)
        sheet.print_title_rows = "1:3"  # the title, the period and the list's header on each page
        self._print_setup(sheet, f"{section_title}　{self.period_label}", columns=4, last_row=last_row, first="B")

    def _titled_sheet(self, name: str, title: str):
        """A sheet of figures: the ids in a hidden first column (for machines; never printed), a title and the
        period, and a line in the contents."""
        sheet = self.workbook.create_sheet(name)
        for letter, width in zip("ABCD", (36, 90, 14, 16 if self.english else 10), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["A"].hidden = True
        _text(sheet, 1, 2, title, Font(bold=True, size=13), height=22)
        _text(sheet, 2, 2, self.period_label, Font(italic=True), height=18)
        self.contents.append((name, title, 1))
        return sheet

    def _figures_table(self, sheet, row: int, indicators: list[dict]) -> int:
        for column, key in enumerate(("code", "description", "value", "unit"), start=1):
            sheet.cell(row, column, self.word(key)).style = HEADER
        sheet.row_dimensions[row].height = LINE + 5
        for item in indicators:
            row += 1
            label = (catalogue.indicator_label(item["id"], "en", item["label_zh"]) if self.english
                     else item["label_zh"])
            unit = catalogue.unit(item["unit"], self.lang)
            cells = [sheet.cell(row, 1, safe_cell(item["id"])), sheet.cell(row, 2, safe_cell(label)),
                     sheet.cell(row, 3), sheet.cell(row, 4, unit)]
            _value_cell(cells[2], item["value"], False, None)
            cells[1].style = cells[3].style = TEXT
            sheet.row_dimensions[row].height = _lines(label, 88) * LINE + 5
        return row

    # --- consistency checks -------------------------------------------------------------------------------

    def _checks(self, checks: list[dict]) -> None:
        name = self.word("checks")
        sheet = self.workbook.create_sheet(name)
        for letter, width in zip("ABC", (40, 100, 30), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["C"].hidden = True
        _text(sheet, 1, 1, self.word("checks"), Font(bold=True, size=13), height=22)
        _text(sheet, 2, 1, self.period_label, Font(italic=True), height=18)
        for column, key in enumerate(("table", "finding"), start=1):
            sheet.cell(3, column, self.word(key)).style = HEADER
        for row, check in enumerate(checks, start=4):
            table_id = check.get("table")
            where = catalogue.title(table_id, self.lang, table_id) if table_id else self.word("whole_report")
            message = check.get("message_en" if self.english else "message_zh") or check.get("message_zh") or ""
            for column, value in enumerate((where, message, table_id or ""), start=1):
                cell = sheet.cell(row, column, safe_cell(value))
                cell.border, cell.alignment = BOX, WRAP
            sheet.row_dimensions[row].height = _lines(message, 100) * LINE + 5
        self.contents.append((name, self.word("checks"), 1))
        sheet.print_title_rows = "1:3"
        self._print_setup(sheet, f"{self.word('checks')}　{self.period_label}", columns=2, last_row=sheet.max_row)

    # --- printing ------------------------------------------------------------------------------------------

    def _date(self, day: date) -> str:
        if self.english:
            return day.isoformat()
        return f"{day.year - 1911}年{day.month}月{day.day}日"

    def _print_setup(self, sheet, title: str, columns: int | None = None, last_row: int | None = None,
                     first: str = "A") -> None:
        """A4 landscape, fitted to the page width (as many pages down as it takes), header and footer."""
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_margins = MARGINS
        sheet.print_options.horizontalCentered = True
        sheet.sheet_view.showGridLines = False
        header, footer = sheet.oddHeader, sheet.oddFooter
        colon = self.word("colon")
        header.left.text = _header_text(f"{self.word('issuer')}{colon}{self.word('bureau')}")
        header.center.text = _header_text(title)
        header.right.text = _header_text(f"{self.word('generated')}{colon}{self._date(self.generated_on)}")
        footer.center.text = self.word("page")  # &P and &N: this page and the number of pages
        footer.right.text = _header_text(self._state())
        for part in (header.left, header.center, header.right, footer.center, footer.right):
            part.size = 9
        if columns and last_row:
            sheet.print_area = f"{first}1:{get_column_letter(columns)}{max(last_row, 1)}"


# --- charts: native Excel charts of the tables a picture reads faster --------------------------------------

def _chart(sheet, table: dict, place: TablePlace, title: str, width_cm: float):
    build = CHARTS.get(table["id"])
    if build is None:
        return None
    try:
        chart = build(sheet, table, place)
    except (KeyError, ValueError):  # a table without the rows or columns its chart reads: no chart
        return None
    chart.title = title
    chart.width, chart.height = min(18.0, max(width_cm - 0.5, 10.0)), CHART_ROWS * CHART_ROW_HEIGHT / 28.35
    return chart


def _bar_chart(stacked: bool = False) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    chart.y_axis.number_format = NUMBER
    chart.y_axis.majorGridlines = None
    # openpyxl hides axes unless told: show both.
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.legend.position = "b"
    return chart


def _disputes_chart(sheet, table: dict, place: TablePlace) -> BarChart:
    """Cases by category, stacked by outcome (settled, not settled, pending); the subtotal row left out."""
    outcomes = [place.columns[name] for name in ("成立", "不成立", "調解中之案件")]
    categories = [row for label, row in place.rows.items() if label not in ("小計", "合計")]
    chart = _bar_chart(stacked=True)
    chart.add_data(Reference(sheet, min_col=outcomes[0], max_col=outcomes[-1], min_row=place.header_row,
                             max_row=max(categories)), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=min(categories), max_row=max(categories)))
    return chart


def _ranking_chart(sheet, table: dict, place: TablePlace) -> BarChart:
    """Penalties by article, in rank order."""
    last = 1 + len(table["columns"])
    chart = _bar_chart()
    chart.add_data(Reference(sheet, min_col=1, max_col=last, min_row=place.rows["次數"]), from_rows=True,
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, max_col=last, min_row=place.rows["條次"]))
    chart.legend = None
    return chart


def _quota_chart(sheet, table: dict, place: TablePlace) -> PieChart:
    """Obliged employers above, at and below quota (all sectors)."""
    rows = [place.rows[label] for label in ("義務機關構數:獎勵", "義務機關構數:足額", "義務機關構數:不足額")]
    total = place.columns["總計"]
    chart = PieChart()
    chart.add_data(Reference(sheet, min_col=total, min_row=rows[0], max_row=rows[-1]))
    chart.set_categories(Reference(sheet, min_col=1, min_row=rows[0], max_row=rows[-1]))
    chart.legend.position = "r"
    return chart


def _condolence_chart(sheet, table: dict, place: TablePlace) -> BarChart:
    """Cases per band: one bar per band (the bands' case counts are every other column)."""
    chart = _bar_chart()
    data_row = place.header_row + 1
    for name in table["columns"]:
        band, _, kind = name.partition(":")
        if kind == "件數" and band != "總計":
            column = place.columns[name]
            group_cell = _merged_origin(sheet, place.header_row - 1, column)
            series = Series(Reference(sheet, min_col=column, min_row=data_row), title=str(group_cell.value))
            chart.series.append(series)
    if not chart.series:
        raise ValueError("no band")
    chart.y_axis.title = sheet.cell(place.header_row, place.columns[table["columns"][0]]).value
    return chart


CHARTS = {
    "disputes.by_category": _disputes_chart,
    "inspections.lsa_violations_by_article": _ranking_chart,
    "disability_services.quota_employment": _quota_chart,
    "welfare.accident_condolence": _condolence_chart,
}


# --- cells -------------------------------------------------------------------------------------------------

def _value_cell(cell, value, is_percent: bool, spec) -> None:
    cell.style = FIGURE
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
        cell.value, cell.number_format = value, DECIMAL
    else:
        cell.value, cell.number_format = value, NUMBER


def _merged(sheet, row, column, end_row, end_column, value, font, header=False) -> None:
    if (row, column) != (end_row, end_column):
        sheet.merge_cells(start_row=row, start_column=column, end_row=end_row, end_column=end_column)
    if header:
        for r in range(row, end_row + 1):
            for c in range(column, end_column + 1):
                sheet.cell(r, c).style = HEADER
    cell = sheet.cell(row, column, safe_cell(value))
    cell.font = font
    cell.alignment = CENTER if header else Alignment(horizontal="left", vertical="center", wrap_text=True)


def _merged_origin(sheet, row: int, column: int):
    """The cell that shows the value of a merged range covering (row, column), or that cell itself."""
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sheet.cell(merged.min_row, merged.min_col)
    return sheet.cell(row, column)


def _text(sheet, row: int, column: int, value, font, height: float) -> None:
    cell = sheet.cell(row, column, value)
    cell.font, cell.alignment = font, Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = height


def _link(cell, sheet_name: str, row: int, bold: bool = False) -> None:
    """A link to a place in this workbook (a location, not an address: it works in Excel and LibreOffice)."""
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(sheet_name)}!A{row}",
                               display=str(cell.value))
    cell.font = Font(color="0563C1", underline="single", bold=bold)


def _header_text(text: str) -> str:
    # '&' starts a code in a page header (&P, &N): a literal one is written twice.
    return text.replace("&", "&&")


def _sheet_name(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text[:31]


# --- measures: column widths, lines of text, pages ---------------------------------------------------------

def _display_width(text: str) -> int:
    """Characters as a spreadsheet column counts them: a CJK character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _lines(text: str, chars: float) -> int:
    """Lines that `text` wraps to in a column `chars` wide (a little less: cell padding)."""
    usable = max(chars - 1, 1)
    return max(1, sum(math.ceil(_display_width(part) / usable) or 1 for part in str(text).split("\n")))


def _fit_columns(sheet, tables: list[dict], width: int, english: bool) -> None:
    labels = [catalogue.row_label(row["label"], "en" if english else "zh") for t in tables for row in t["rows"]]
    longest = max([_display_width(label) for label in labels] + [12])
    sheet.column_dimensions["A"].width = min(max(longest + 2, 16), 36)
    for index in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16 if english else 14


def _chars(sheet, columns: int) -> float:
    return sum(sheet.column_dimensions[get_column_letter(index)].width or 13 for index in range(1, columns + 1))


def _columns_width_cm(sheet, columns: int, first: int = 1) -> float:
    # A column `w` characters wide is about 7w + 5 pixels at 96 dpi.
    pixels = sum(7 * (sheet.column_dimensions[get_column_letter(i)].width or 13) + 5 for i in range(first, columns + 1))
    return pixels * 2.54 / 96


def _page_capacity(sheet, columns: int, first: int = 1) -> float:
    """The height of sheet (in points) that one page holds once the sheet is scaled to the page width."""
    width_points = _columns_width_cm(sheet, columns, first) / 2.54 * 72
    scale = min(1.0, PAGE_WIDTH / width_points)
    return PAGE_HEIGHT / scale * PAGE_FILL


def _row_height(sheet, row: int) -> float:
    return sheet.row_dimensions[row].height or LINE


def _height(sheet, first: int, last: int) -> float:
    return sum(_row_height(sheet, row) for row in range(first, last + 1))


def _paginate(sheet, blocks: list[tuple[int, int]], capacity: float) -> None:
    """Break the page before a block (a table, a chart) that would not fit in what is left of the page, unless
    it would not fit on a page of its own either. A chart follows its table onto the new page with it."""
    used, previous_end = 0.0, 0
    for start, end in blocks:
        gap = sum(_row_height(sheet, row) for row in range(previous_end + 1, start))
        height = sum(_row_height(sheet, row) for row in range(start, end + 1))
        if used and used + gap + height > capacity and height <= capacity:
            sheet.row_breaks.append(Break(id=start - 1))
            used = height
        else:
            used = (used + gap + height) % capacity if height <= capacity else height % capacity
        previous_end = end


# --- dates -------------------------------------------------------------------------------------------------

def _parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return _parse_date(datetime.fromisoformat(value))
        except ValueError:
            return None
    return None


def _generated_on(snapshot: dict, status: dict) -> date:
    return (_parse_date(snapshot.get("generated_at")) or _parse_date(status.get("generated_at"))
            or timezone.localdate())


def table_csv(table: dict, lang: str = "zh-hant") -> str:
    """One table as CSV, with a BOM so that Excel opens the Chinese text correctly; English headers with
    lang="en" (the values and row labels of the records stay as computed)."""
    english = catalogue.is_english(lang)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    columns = [catalogue.label(column, "en") for column in table["columns"]] if english else table["columns"]
    writer.writerow(safe_row(["Item" if english else LABEL_HEADER, *columns]))
    for row in table["rows"]:
        writer.writerow(safe_row([row["label"], *("" if value is None else value for value in row["values"])]))
    return buffer.getvalue()
