"""The 2020H1 demo workbook printed to PDF by LibreOffice: no table cut across pages, a sane number of pages."""

import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from labor_portal.reporting import catalogue

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")
FC_LIST = shutil.which("fc-list")
# Without a font for Chinese LibreOffice prints it as boxes (the text layer may still read right).
CJK_FONT = bool(FC_LIST) and bool(subprocess.run([FC_LIST, ":lang=zh-tw", "family"], capture_output=True,
                                                  text=True, timeout=60).stdout.strip())

# pytest-django sets up the test database only for tests that ask for it; the demo_report fixture needs it.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not (SOFFICE and PDFTOTEXT),
                       reason="LibreOffice and pdftotext are not installed (.ci/run installs them)"),
]


def _compact(text: str) -> str:
    """Text without any blank: a long title wraps in its cell, and pdftotext spaces out wide cells."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(demo_report, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{out}/profile",
         "--convert-to", "pdf", "--outdir", str(out), str(demo_report["xlsx"])],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out / f"{demo_report['xlsx'].stem}.pdf"


@pytest.fixture(scope="module")
def pages(pdf):
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=120,
                          check=True).stdout
    return [_compact(page) for page in text.split("\f") if page.strip()]


def test_each_table_title_and_its_last_row_are_on_the_same_page(demo_report, pages):
    period = _compact(demo_report["json"]["period"]["label_zh"])
    for table in demo_report["json"]["tables"]:
        # The title over the period's line: not the contents' line, not the chart's title (titled alike).
        title = _compact(table["title_zh"]) + period
        page = next((page for page in pages if title in page), None)
        assert page is not None, f"{table['id']}: title not printed"
        last_row = table["rows"][-1]
        after_title = page[page.index(title):]
        assert _compact(catalogue.row_label(last_row["label"])) in after_title, f"{table['id']} is cut across pages"
        last_number = next((v for v in reversed(last_row["values"]) if isinstance(v, int)), None)
        if last_number is not None:
            assert f"{last_number:,}" in after_title, table["id"]


def test_the_page_count_is_sane(demo_report, pages):
    sheets = len(load_workbook(demo_report["xlsx"], read_only=True).sheetnames)
    # At least a page per sheet; at most about two: a section's tables or figures take a page or two each.
    assert sheets <= len(pages) <= 2 * sheets
    assert "第1頁，共" in pages[0] and f"共{len(pages)}頁" in pages[-1]  # the footer's page x of y


@pytest.mark.skipif(not CJK_FONT, reason="no font for Chinese (Debian's fonts-noto-cjk; .ci/run installs it): "
                                         "LibreOffice would print the Chinese as boxes")
def test_chinese_prints_in_a_chinese_font(pdf, pages):
    assert "勞工行政業務統計報告" in pages[0] and "高雄市政府勞工局" in pages[0]  # the cover's title and bureau
    if PDFFONTS:  # the glyphs come from a CJK font, not a fallback's boxes
        fonts = subprocess.run([PDFFONTS, str(pdf)], capture_output=True, text=True, timeout=60, check=True).stdout
        assert "CJK" in fonts, fonts
