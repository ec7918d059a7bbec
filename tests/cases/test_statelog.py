"""The state log's `state_on`: the state a record stood in at the end of a day, inside one aggregate query."""

from datetime import date, timedelta

import pytest
from django.db.models import Count
from django.utils import timezone

from disputes.models import DisputeCase, DisputeStateChange, DisputeStatus
from labor_portal.cases.statelog import state_on
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db


def _log(case, to_state, on, *, at=None):
    return DisputeStateChange.objects.create(case=case, from_state="", to_state=to_state, changed_on=on,
                                             changed_at=at or timezone.now())


def _state(case, day):
    return DisputeCase.objects.annotate(state=state_on(DisputeStateChange, day)).get(pk=case.pk).state


def test_the_state_on_a_day_is_the_latest_change_dated_on_or_before_it():
    case = file_case(filed_on=date(2020, 3, 2)).case  # received on 2020-03-02
    _log(case, DisputeStatus.SETTLED, date(2020, 6, 30))
    _log(case, DisputeStatus.SCHEDULED, date(2020, 7, 1))
    assert _state(case, date(2020, 3, 1)) is None  # not filed yet
    assert _state(case, date(2020, 3, 2)) == DisputeStatus.RECEIVED
    assert _state(case, date(2020, 6, 30)) == DisputeStatus.SETTLED
    assert _state(case, date(2020, 7, 1)) == DisputeStatus.SCHEDULED


def test_changes_on_one_day_count_in_the_order_they_were_recorded():
    case = file_case(filed_on=date(2020, 3, 2)).case
    noon = timezone.now()
    # Recorded later, though inserted first: the later record is the day's last word.
    _log(case, DisputeStatus.NOT_SETTLED, date(2020, 5, 1), at=noon + timedelta(hours=1))
    _log(case, DisputeStatus.SETTLED, date(2020, 5, 1), at=noon)
    assert _state(case, date(2020, 5, 1)) == DisputeStatus.NOT_SETTLED
    # Recorded at the same moment: the one inserted last wins.
    _log(case, DisputeStatus.WITHDRAWN, date(2020, 5, 2), at=noon)
    _log(case, DisputeStatus.SETTLED, date(2020, 5, 2), at=noon)
    assert _state(case, date(2020, 5, 2)) == DisputeStatus.SETTLED


def test_states_on_a_day_are_counted_in_one_grouped_query(django_assert_num_queries):
    concluded = file_case(filed_on=date(2020, 3, 2), token="statelog-token-000000000001").case
    file_case(filed_on=date(2020, 3, 3), token="statelog-token-000000000002")
    _log(concluded, DisputeStatus.SETTLED, date(2020, 4, 1))
    with django_assert_num_queries(1):
        counts = dict(
            DisputeCase.objects.annotate(state=state_on(DisputeStateChange, date(2020, 6, 30)))
            .values("state").annotate(n=Count("pk")).order_by().values_list("state", "n")
        )
    assert counts == {DisputeStatus.SETTLED: 1, DisputeStatus.RECEIVED: 1}
