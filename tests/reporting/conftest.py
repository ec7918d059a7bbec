import json

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.services import report_compute


@pytest.fixture(scope="session")
def demo_report(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo half-year loaded once, reported by the command, then rolled back.

    Also counts the queries one computation of the report makes on the demo records.
    """
    out = tmp_path_factory.mktemp("report")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo")
        call_command("generate_report", "2020H1", json=out / "r.json", xlsx=out / "r.xlsx", csv_dir=out / "csv")
        with CaptureQueriesContext(connection) as captured:
            report_compute(HalfYear(2020, 1))
        transaction.set_rollback(True)
    return {
        "json": json.loads((out / "r.json").read_text("utf-8")),
        "xlsx": out / "r.xlsx",
        "csv_dir": out / "csv",
        "queries": len(captured),
    }
