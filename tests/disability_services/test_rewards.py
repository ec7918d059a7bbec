"""Over-quota rewards by quarter: NT$5,000 per person above quota per quarter; a quarter whose applications are
still open (two months after it ends) shows null ('-')."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from disability_services.models import RewardStatus
from disability_services.quota import Quarter, recent_quarters
from disability_services.reports import OverQuotaRewards
from disability_services.services import applications_close, reward_application_decide, reward_persons
from labor_portal.core.periods import HalfYear

from .factories import MonthlyRosterFactory, QuotaEmployerFactory, RewardApplicationFactory

pytestmark = pytest.mark.django_db


def test_applications_close_two_months_after_the_quarter():
    assert applications_close(Quarter(2020, 1)) == date(2020, 5, 31)
    assert applications_close(Quarter(2019, 4)) == date(2020, 2, 29)
    assert applications_close(Quarter(2020, 4)) == date(2021, 2, 28)


def test_the_table_shows_the_four_quarters_up_to_the_period_end():
    assert [q.label_zh for q in recent_quarters(date(2020, 6, 30))] == [
        "108年第3季", "108年第4季", "109年第1季", "109年第2季"]
    assert [q.label_zh for q in recent_quarters(date(2020, 12, 31))][-1] == "109年第4季"


def _approve(quarter_start, persons, decided_on, **kwargs):
    application = RewardApplicationFactory(quarter_start=quarter_start, received_on=decided_on, **kwargs)
    return reward_application_decide(application=application, approve=True, decided_on=decided_on, user=None,
                                     persons=persons)


def test_a_quarter_still_open_shows_null_and_closed_ones_their_approvals():
    _approve(date(2020, 1, 1), 3, date(2020, 6, 10))
    _approve(date(2020, 1, 1), 2, date(2020, 6, 12))
    _approve(date(2019, 10, 1), 4, date(2020, 3, 10))
    # Q2 2020: applications open until 31 August; one already approved still shows "-" in 2020H1.
    _approve(date(2020, 4, 1), 5, date(2020, 6, 29))
    RewardApplicationFactory(quarter_start=date(2020, 1, 1))  # waiting: not counted
    rows = {row.label: row.values for row in OverQuotaRewards().compute(HalfYear(2020, 1))}
    assert rows == {
        "108年第3季": [0, 0, 0],
        "108年第4季": [1, 4, 20_000],
        "109年第1季": [2, 5, 25_000],
        "109年第2季": [None, None, None],
    }
    # By the end of 2020 the second quarter is closed and shows its approval.
    later = {row.label: row.values for row in OverQuotaRewards().compute(HalfYear(2020, 2))}
    assert later["109年第2季"] == [1, 5, 25_000]


def test_an_approval_after_the_period_end_does_not_change_that_half_year():
    _approve(date(2020, 1, 1), 3, date(2020, 7, 2))
    rows = {row.label: row.values for row in OverQuotaRewards().compute(HalfYear(2020, 1))}
    assert rows["109年第1季"] == [0, 0, 0]


def test_the_persons_are_those_above_quota_through_the_whole_quarter():
    employer = QuotaEmployerFactory()
    # 100 private staff: 1 required; 4, 3 and 5 counted: 3, 2 and 4 above quota → 2 for the quarter.
    for month, disabled in ((1, 4), (2, 3), (3, 5)):
        MonthlyRosterFactory(employer=employer, month=date(2020, month, 1), insured_headcount=100, disabled=disabled)
    assert reward_persons(employer=employer, quarter=Quarter(2020, 1)) == 2
    application = RewardApplicationFactory(employer=employer, quarter_start=date(2020, 1, 1))
    decided = reward_application_decide(application=application, approve=True, decided_on=date(2020, 5, 2), user=None)
    assert (decided.status, decided.persons, decided.amount) == (RewardStatus.APPROVED, 2, 10_000)


def test_no_reward_for_a_quarter_with_a_month_missing_or_not_above_quota():
    employer = QuotaEmployerFactory()
    MonthlyRosterFactory(employer=employer, month=date(2020, 1, 1), insured_headcount=100, disabled=4)
    MonthlyRosterFactory(employer=employer, month=date(2020, 2, 1), insured_headcount=100, disabled=1)  # at quota
    assert reward_persons(employer=employer, quarter=Quarter(2020, 1)) == 0
    application = RewardApplicationFactory(employer=employer, quarter_start=date(2020, 1, 1))
    with pytest.raises(ValidationError):
        reward_application_decide(application=application, approve=True, decided_on=date(2020, 5, 2), user=None)


def test_an_application_is_decided_once():
    application = _approve(date(2020, 1, 1), 1, date(2020, 5, 1))
    with pytest.raises(ValidationError):
        reward_application_decide(application=application, approve=False, decided_on=date(2020, 5, 3), user=None)


def test_an_application_outside_the_two_months_after_the_quarter_is_refused():
    employer = QuotaEmployerFactory()
    late = RewardApplicationFactory.build(employer=employer, quarter_start=date(2020, 1, 1),
                                          received_on=date(2020, 6, 1))
    with pytest.raises(ValidationError) as refused:
        late.full_clean()
    assert "received_on" in refused.value.message_dict
    RewardApplicationFactory.build(employer=employer, quarter_start=date(2020, 1, 1),
                                   received_on=date(2020, 5, 31)).full_clean()
