"""After load_demo, the 2020H1 report equals the bureau's published figures, id by id.

Every id of the specification is a case here. Every registered id must equal the published figure; a section
that declares itself built (`built = True` on its AppConfig) must compute each of its ids (a missing one fails).
Only the unregistered ids of sections not built yet are skipped.
"""

import pytest

from labor_portal.reporting.registry import Figure, Registry, registry
from tests.specification import CATALOGUE

# pytest-django sets up the test database only for tests that ask for it; the demo_report fixture needs it.
pytestmark = pytest.mark.django_db

REGISTERED_INDICATORS = {indicator.id for group in registry.steps() if hasattr(group, "indicators") for indicator in group.indicators}
CATALOGUE_IDS = [item["id"] for item in [*CATALOGUE["tables"], *CATALOGUE["indicators"]]]


def _skip_unless_registered(item_id: str, registered: bool):
    if registered:
        return
    section = item_id.split(".", 1)[0]
    if section in registry.built_sections():
        pytest.fail(f"{section} is built but does not compute {item_id}")
    pytest.skip(f"{item_id}: section {section} is not built yet")


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


def test_every_registered_id_of_the_reports_sections_is_in_the_catalogue():
    # The test settings' tenth section (tests/tenth_section) is not in the bureau's report.
    catalogued = {table["id"] for table in CATALOGUE["tables"]} | {item["id"] for item in CATALOGUE["indicators"]}
    registered = {step.id for step in registry.steps() if hasattr(step, "id")} | REGISTERED_INDICATORS
    sections = {id_.split(".", 1)[0] for id_ in catalogued}
    assert {id_ for id_ in registered if id_.split(".", 1)[0] in sections} <= catalogued


def test_no_built_section_misses_an_id_of_the_specification():
    assert registry.missing(CATALOGUE_IDS) == []


def test_a_built_section_that_forgets_an_id_is_reported_and_an_unbuilt_one_is_not():
    # The check itself: a section declared built owes all its ids; one not declared built waits.
    fake = Registry()
    fake.figures(Figure("unions.campus_lectures", "場次", "校園巡迴演講場次", None, None))
    fake.figures(Figure("employment.job_fairs.events", "場次", "就業博覽會場次", None, None))
    ids = ["unions.campus_lectures", "unions.new_unions", "employment.job_seekers", "employment.job_fairs.events"]
    assert fake.missing(ids, built={"unions"}) == ["unions.new_unions"]


def test_the_sections_built_are_those_that_say_so():
    assert {"unions", "inspections", "disputes"} <= Registry.built_sections()
