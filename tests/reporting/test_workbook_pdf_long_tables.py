"""A section's sheet holding several tables: a table taller than a page gets a sheet of its own, whose print
titles repeat its header on each page; the tables that fit on a page stay on the section's sheet, uncut.
Checked in LibreOffice's PDF as the demo workbook is (test_workbook_pdf)."""

import copy
import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from labor_portal.reporting.workbook import render_workbook
from tests.specification import CATALOGUE

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
LONG_ROWS = 70


@pytest.fixture(scope="module")
def snapshot():
    """2020H1 with 工會法定會議 (the second of the unions' two tables) grown to 70 rows: three pages or so."""
    data = copy.deepcopy(CATALOGUE)
    for item in data["indicators"]:
        item["label_zh"] = item["text_zh"]
    data["generated_at"] = "2020-07-15T10:00:00+08:00"
    table = next(t for t in data["tables"] if t["id"] == "unions.statutory_meetings")
    table["rows"] = [{"label": f"測試列{number:02d}", "values": [number + offset for offset in range(len(table["columns"]))]}
                     for number in range(1, LONG_ROWS + 1)]
    return data


@pytest.fixture(scope="module")
def workbook_bytes(snapshot):
    return render_workbook(snapshot)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_table_longer_than_a_page_gets_its_own_sheet_with_its_header_as_print_titles(workbook_bytes):
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    names = workbook.sheetnames
    assert names[names.index("勞工組織") + 1] == "勞工組織 (2)"
    short, long = workbook["勞工組織"], workbook["勞工組織 (2)"]
    assert short.cell(1, 1).value.startswith("工會家數") or "工會" in short.cell(1, 1).value
    assert not any(str(cell.value or "").startswith("測試列") for cell in short["A"])
    assert long.cell(1, 1).value == next(t["title_zh"] for t in CATALOGUE["tables"]
                                         if t["id"] == "unions.statutory_meetings")
    assert long.print_title_rows == "$1:$3"  # title, period and the header row repeat on each page
    # The contents link to both sheets.
    links = {cell.hyperlink.location.split("!")[0].strip("'") for cell in workbook["目錄"]["A"] if cell.hyperlink}
    assert {"勞工組織", "勞工組織 (2)"} <= links


def test_sections_whose_tables_fit_keep_them_on_one_sheet(workbook_bytes):
    names = load_workbook(io.BytesIO(workbook_bytes), read_only=True).sheetnames
    assert "勞資關係" in names and not any(name.startswith("勞資關係 (") for name in names)


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT),
                    reason="LibreOffice and pdftotext are not installed (.ci/run installs them)")
def test_in_the_pdf_the_long_tables_header_is_on_every_page_it_crosses(workbook_bytes, snapshot, tmp_path):
    source = tmp_path / "long.xlsx"
    source.write_bytes(workbook_bytes)
    result = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run([PDFTOTEXT, "-layout", str(tmp_path / "long.pdf"), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    pages = [_compact(page) for page in text.split("\f") if page.strip()]
    table = next(t for t in snapshot["tables"] if t["id"] == "unions.statutory_meetings")
    title = _compact(table["title_zh"]) + _compact(snapshot["period"]["label_zh"])
    header = _compact(table["columns"][0])
    crossed = [page for page in pages if "測試列" in page]
    assert len(crossed) >= 2, "the long table should take more than one page"
    for page in crossed:
        assert title in page and header in page, "a page of the long table without its title and header"
        assert page.index(header) < page.index("測試列")
    assert sum(f"測試列{number:02d}" in page for page in crossed for number in range(1, LONG_ROWS + 1)) == LONG_ROWS
    # The short table before it is whole on its own page, not cut by the long one.
    by_type = next(t for t in snapshot["tables"] if t["id"] == "unions.by_type")
    short_title = _compact(by_type["title_zh"]) + _compact(snapshot["period"]["label_zh"])
    page = next(page for page in pages if short_title in page)
    assert _compact(by_type["rows"][-1]["label"]) in page[page.index(short_title):]
