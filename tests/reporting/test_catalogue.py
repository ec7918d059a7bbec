"""After load_demo, the 2020H1 report equals the bureau's published figures, id by id.

Every id of the specification is a case here: a section's ids are checked as soon as they are registered.
"""

import pytest

from labor_portal.reporting.registry import registry

from .conftest import CATALOGUE

# pytest-django sets up the test database only for tests that ask for it; the demo_report fixture needs it.
pytestmark = pytest.mark.django_db

REGISTERED_INDICATORS = {indicator.id for group in registry.steps() if hasattr(group, "indicators") for indicator in group.indicators}


def _skip_unless_registered(item_id: str, registered: bool):
    if not registered:
        pytest.skip(f"{item_id} is not built yet")


@pytest.mark.parametrize("expected", CATALOGUE["tables"], ids=lambda table: table["id"])
def test_table_equals_the_published_report(demo_report, expected):
    _skip_unless_registered(expected["id"], registry.get_table(expected["id"]) is not None)
    produced = {table["id"]: table for table in demo_report["json"]["tables"]}[expected["id"]]
    assert produced["title_zh"] == expected["title_zh"]
    assert produced["columns"] == expected["columns"]
    assert produced["rows"] == expected["rows"]


@pytest.mark.parametrize("expected", CATALOGUE["indicators"], ids=lambda indicator: indicator["id"])
def test_indicator_equals_the_published_report(demo_report, expected):
    _skip_unless_registered(expected["id"], expected["id"] in REGISTERED_INDICATORS)
    produced = {item["id"]: item for item in demo_report["json"]["indicators"]}[expected["id"]]
    assert (produced["value"], produced["unit"]) == (expected["value"], expected["unit"])


def test_the_report_has_the_catalogue_shape(demo_report):
    report = demo_report["json"]
    assert report["period"] == CATALOGUE["period"]
    for table in report["tables"]:
        assert {"id", "title_zh", "title_en", "columns", "rows"} <= set(table)
        for row in table["rows"]:
            assert set(row) >= {"label", "values"}
    for indicator in report["indicators"]:
        assert {"id", "value", "unit"} <= set(indicator)


def test_every_registered_id_is_in_the_catalogue():
    catalogued = {table["id"] for table in CATALOGUE["tables"]} | {item["id"] for item in CATALOGUE["indicators"]}
    registered = {step.id for step in registry.steps() if hasattr(step, "id")} | REGISTERED_INDICATORS
    assert registered <= catalogued
