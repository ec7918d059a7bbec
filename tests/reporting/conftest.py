import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

CATALOGUE = json.loads((Path(__file__).resolve().parents[1] / "data" / "report-2020H1.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def demo_report(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo half-year loaded once per module, reported by the command, then rolled back."""
    out = tmp_path_factory.mktemp("report")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo")
        call_command("generate_report", "2020H1", json=out / "r.json", xlsx=out / "r.xlsx", csv_dir=out / "csv")
        transaction.set_rollback(True)
    return {"json": json.loads((out / "r.json").read_text("utf-8")), "xlsx": out / "r.xlsx", "csv_dir": out / "csv"}


@pytest.fixture
def demo_loaded(db):
    call_command("load_demo")
