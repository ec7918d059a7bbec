"""Staff steps through a mediation and the rules that keep outcomes honest."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from disputes import services
from disputes.models import DisputeStatus, Reopening
from labor_portal.cases.models import CaseNumberSequence

from .factories import concluded_case, file_case

pytestmark = pytest.mark.django_db


def test_case_numbers_follow_the_roc_year_and_its_own_sequence():
    first = file_case(filed_on=date(2020, 3, 2), token="seq-token-00000000000001").case
    second = file_case(filed_on=date(2020, 3, 3), token="seq-token-00000000000002").case
    next_year = file_case(filed_on=date(2021, 1, 4), token="seq-token-00000000000003").case
    assert (first.case_number, second.case_number) == ("109-D-000001", "109-D-000002")
    assert next_year.case_number == "110-D-000001"
    assert CaseNumberSequence.objects.get(kind="D", roc_year=109).last_number == 2


def test_no_outcome_before_a_session():
    case = file_case().case
    services.dispute_case_assign(case=case, channel="mediator", mediation_body="調解人 陳○○")
    with pytest.raises(ValidationError, match="尚未召開調解會議"):
        services.dispute_case_record_outcome(case=case, outcome=DisputeStatus.SETTLED, concluded_on=date(2020, 4, 1))
    case.refresh_from_db()
    assert case.status == DisputeStatus.ASSIGNED and case.concluded_on is None


def test_no_outcome_dated_before_the_filing():
    case = file_case(filed_on=date(2020, 3, 2)).case
    services.dispute_case_assign(case=case, channel="mediator", mediation_body="調解人 陳○○")
    services.dispute_case_schedule_session(case=case, held_on=date(2020, 3, 10), place="調解室")
    with pytest.raises(ValidationError, match="結案日期不得早於受理日期"):
        services.dispute_case_record_outcome(case=case, outcome=DisputeStatus.NOT_SETTLED,
                                             concluded_on=date(2020, 3, 1))


def test_a_settlement_after_a_session_is_recorded_with_its_amount():
    case = concluded_case(outcome=DisputeStatus.SETTLED)
    assert (case.status, case.concluded_on, case.settled_amount) == (DisputeStatus.SETTLED, date(2020, 4, 1), 50000)


def test_a_withdrawal_needs_no_session():
    case = concluded_case(outcome=DisputeStatus.WITHDRAWN)
    assert case.status == DisputeStatus.WITHDRAWN


def test_a_concluded_case_is_reopened_only_with_a_reason_that_is_kept():
    case = concluded_case(outcome=DisputeStatus.NOT_SETTLED)
    with pytest.raises(ValidationError, match="須說明理由"):
        services.dispute_case_reopen(case=case, reason="  ")
    with pytest.raises(ValidationError, match="先重新開案"):
        services.dispute_case_record_outcome(case=case, outcome=DisputeStatus.SETTLED, concluded_on=date(2020, 5, 1))
    services.dispute_case_reopen(case=case, reason="雙方同意再次調解", reopened_on=date(2020, 5, 2))
    case.refresh_from_db()
    assert case.status == DisputeStatus.SCHEDULED and case.concluded_on is None
    kept = Reopening.objects.get()
    assert (kept.reason, kept.previous_status, kept.previous_concluded_on) == (
        "雙方同意再次調解", DisputeStatus.NOT_SETTLED, date(2020, 4, 1))


def test_every_change_is_in_the_history():
    case = concluded_case(outcome=DisputeStatus.SETTLED)
    statuses = list(case.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == DisputeStatus.RECEIVED and statuses[-1] == DisputeStatus.SETTLED
    assert DisputeStatus.SCHEDULED in statuses
