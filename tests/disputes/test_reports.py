"""The dispute tables for periods around the published one: withdrawals, and outcomes in the next half."""

from datetime import date

import pytest

from disputes.models import DisputeCategory, DisputeStatus, MediationChannel
from disputes.reports import DisputesByCategory, DisputesByChannel, RightsFund
from labor_portal.core.periods import HalfYear

from .factories import concluded_case, file_case

pytestmark = pytest.mark.django_db
H1, H2 = HalfYear(2020, 1), HalfYear(2020, 2)


def _rows(table, period):
    return {row.label: row.values for row in table.compute(period)}


def test_withdrawn_cases_count_in_the_total_only():
    concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 8, 3), concluded_on=date(2020, 9, 1))
    concluded_case(outcome=DisputeStatus.WITHDRAWN, filed_on=date(2020, 8, 4), concluded_on=date(2020, 8, 20))
    rows = _rows(DisputesByCategory(), H2)
    assert rows["工資爭議"] == [1, 0, 0, 2]
    assert rows["小計"] == [1, 0, 0, 2]
    channel_rows = _rows(DisputesByChannel(), H2)
    # The withdrawal came before any assignment: its own row keeps the subtotal equal to by_category's.
    assert channel_rows["尚未分案"] == [0, 0, 0, 0, 0, 1]
    assert channel_rows["小計"] == [1, 100, 0, 0, 0, 2]


def test_a_case_filed_in_one_half_and_settled_in_the_next_is_in_mediation_for_the_first():
    concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 6, 20), concluded_on=date(2020, 7, 10),
                   category=DisputeCategory.RETIREMENT, channel=MediationChannel.COMMITTEE)
    assert _rows(DisputesByCategory(), H1)["退休爭議"] == [0, 0, 1, 1]
    assert _rows(DisputesByChannel(), H1)["調解委員會"] == [0, 0, 0, 0, 1, 1]
    # In the next half it is not counted again: cases are counted in the half they were received.
    assert _rows(DisputesByCategory(), H2)["小計"] == [0, 0, 0, 0]


def test_percentages_are_shares_of_concluded_cases_rounded_half_up():
    for n in range(5):
        concluded_case(outcome=DisputeStatus.SETTLED if n < 3 else DisputeStatus.NOT_SETTLED)
    file_case(token="still-open-token-000000000")  # in mediation: not in the shares
    rows = _rows(DisputesByChannel(), H1)
    assert rows["主管機關調解人"] == [3, 60, 2, 40, 0, 5]
    assert rows["小計"] == [3, 60, 2, 40, 1, 6]


def test_each_table_is_one_query(django_assert_num_queries):
    concluded_case()
    for table in (DisputesByCategory(), DisputesByChannel()):
        with django_assert_num_queries(1):
            table.compute(H1)
    with django_assert_num_queries(1):
        RightsFund().compute(H1)
