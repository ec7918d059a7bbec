"""The report's specification (tests/data/report-2020H1.json): its tables and indicators, with ids, columns and the
rule each counts by; also the test data of the demo half-year."""

import json
from pathlib import Path

CATALOGUE = json.loads((Path(__file__).resolve().parent / "data" / "report-2020H1.json").read_text("utf-8"))
