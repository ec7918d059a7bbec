"""Report cells are counted in the database: a bounded number of queries, whatever the number of records."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from labor_portal.reporting.services import report_compute


def _queries(period):
    with CaptureQueriesContext(connection) as captured:
        report_compute(period)
    return len(captured)


def test_each_table_and_indicator_group_costs_at_most_two_queries(demo_loaded):
    steps = len(registry.steps())
    assert _queries(HalfYear(2020, 1)) <= 2 * steps


def test_query_count_does_not_grow_with_the_records(demo_loaded):
    assert _queries(HalfYear(2020, 1)) == _queries(HalfYear(2031, 1))
