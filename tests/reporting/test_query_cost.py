"""Report cells are counted in the database: a bounded number of queries, whatever the number of records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from labor_portal.reporting.services import report_compute

pytestmark = pytest.mark.django_db


def test_each_table_and_indicator_group_costs_at_most_two_queries(demo_report):
    assert demo_report["queries"] <= 2 * len(registry.steps())


def test_query_count_does_not_grow_with_the_records(demo_report):
    with CaptureQueriesContext(connection) as empty:
        report_compute(HalfYear(2031, 1))
    assert len(empty) == demo_report["queries"]
