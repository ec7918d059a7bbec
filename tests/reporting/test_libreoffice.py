"""The workbook opens in LibreOffice (headless) and reads back the same figures."""

import csv
import shutil
import subprocess

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# pytest-django sets up the test database only for tests that ask for it; the demo_report fixture needs it.
pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)")
def test_libreoffice_opens_the_workbook_and_reads_the_same_figures(demo_report, tmp_path):
    result = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(tmp_path), str(demo_report["xlsx"])],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sheets = {path.stem.split("-", 1)[1]: path for path in tmp_path.glob("*.csv")}
    assert "勞工組織" in sheets
    with sheets["勞工組織"].open(encoding="utf-8") as handle:
        cells = list(csv.reader(handle))
    flat = [cell for row in cells for cell in row]
    assert "109年1月至6月" in flat
    table = next(t for t in demo_report["json"]["tables"] if t["id"] == "unions.by_type")
    row = next(r for r in cells if r and r[0] == table["rows"][0]["label"])
    assert [int(v.replace(",", "")) for v in row[1 : 1 + len(table["columns"])]] == table["rows"][0]["values"]
