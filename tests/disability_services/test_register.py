"""The quota register: each roster assessed in SQL as art. 38 says (the same as the pure rules), and the quota
table counted from the period's last month, its subtotals and shortfall row adding up."""

import itertools
from datetime import date

import pytest

from disability_services.models import MonthlyRoster
from disability_services.quota import EmployerKind, QuotaRules, QuotaStatus
from disability_services.reports import QuotaEmployment
from labor_portal.core.periods import HalfYear

from .factories import MonthlyRosterFactory, QuotaEmployerFactory

pytestmark = pytest.mark.django_db
JUNE = date(2020, 6, 1)


def test_the_register_assesses_every_roster_as_the_rules_do():
    staff = [33, 34, 66, 67, 100, 199, 200, 1_250]
    people = [(0, 0, 0, 0), (1, 0, 0, 0), (2, 1, 0, 0), (0, 0, 3, 0), (1, 0, 1, 1), (5, 5, 2, 2)]
    for n, (kind, headcount, (disabled, severe, part, severe_part)) in enumerate(
        itertools.product([EmployerKind.PUBLIC_SCHOOL, EmployerKind.ASSOCIATION], staff, people)
    ):
        MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=kind), insured_headcount=headcount, disabled=disabled,
                             severe=severe, part_timers=part, severe_part_timers=severe_part, below_wage=n % 2)
    rules = QuotaRules.on(JUNE)
    rosters = MonthlyRoster.objects.for_month(JUNE).assessed(rules).select_related("employer")
    assert len(rosters) == 96
    for roster in rosters:
        expected = roster.assessment(rules)
        assert (roster.required, roster.credited, roster.quota_status, roster.shortfall) == (
            expected.required, expected.counted, expected.status, expected.shortfall
        ), roster


def _table():
    return {row.label: row.values for row in QuotaEmployment().compute(HalfYear(2020, 1))}


def test_the_table_counts_obliged_employers_of_the_last_month_by_kind_and_status():
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=EmployerKind.PUBLIC_AGENCY), insured_headcount=100,
                         disabled=4)  # 3 required: above
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=EmployerKind.PUBLIC_SCHOOL), insured_headcount=34,
                         disabled=1)  # at
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=EmployerKind.PRIVATE_BUSINESS), insured_headcount=500,
                         disabled=2)  # 5 required: 3 missing
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=EmployerKind.ASSOCIATION), insured_headcount=67,
                         disabled=0)  # 1 missing (the minimum)
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=EmployerKind.PRIVATE_BUSINESS), insured_headcount=66,
                         disabled=0)  # not obliged: not in the table
    # May's roster of an employer below quota then: not the period's last month.
    MonthlyRosterFactory(month=date(2020, 5, 1), insured_headcount=900, disabled=0)
    table = _table()
    assert table["義務機關構數:合計"] == [4, 2, 1, 1, 0, 2, 0, 1, 1]
    assert table["義務機關構數:獎勵"] == [1, 1, 1, 0, 0, 0, 0, 0, 0]
    assert table["義務機關構數:足額"] == [1, 1, 0, 1, 0, 0, 0, 0, 0]
    assert table["義務機關構數:不足額"] == [2, 0, 0, 0, 0, 2, 0, 1, 1]
    assert table["法定應進用不足人數"] == [4, 0, 0, 0, 0, 4, 0, 1, 3]


def test_every_row_adds_up_and_the_statuses_make_the_total():
    for n in range(30):
        kind = list(EmployerKind)[n % 6]
        MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=kind), insured_headcount=40 + 37 * n,
                             disabled=n % 5, severe=n % 2 if n % 5 else 0)
    table = _table()
    for values in table.values():
        total, public, p1, p2, p3, private, q1, q2, q3 = values
        assert (total, public, private) == (public + private, p1 + p2 + p3, q1 + q2 + q3)
    statuses = [table[f"義務機關構數:{name}"] for name in ("獎勵", "足額", "不足額")]
    assert [sum(column) for column in zip(*statuses, strict=True)] == table["義務機關構數:合計"]


def test_the_note_gives_required_employed_and_missing_totals():
    MonthlyRosterFactory(insured_headcount=500, disabled=2)  # 5 required, 2 employed, 3 missing
    MonthlyRosterFactory(insured_headcount=300, disabled=4, severe=1)  # 3 required, 5 employed
    note = QuotaEmployment().snapshot(HalfYear(2020, 1))["note"]
    assert note == "法定應進用8人，實際已進用7人，法定應進用未足數3人。"


def test_the_table_is_one_grouped_query_after_reading_the_rules(django_assert_num_queries):
    for n in range(20):
        MonthlyRosterFactory(insured_headcount=100 + n, disabled=n % 3)
    with django_assert_num_queries(2):
        QuotaEmployment().compute(HalfYear(2020, 1))


def test_a_month_is_assessed_under_the_rules_of_its_own_time():
    # 2019's rosters read the 2019 base wage; art. 38 is unchanged.
    assert QuotaRules.on(date(2019, 6, 1)).base_wage == 23_100
    MonthlyRosterFactory(month=date(2019, 6, 1), insured_headcount=500, disabled=2)
    roster = MonthlyRoster.objects.get()
    assert roster.assessment().monthly_payment == 3 * 23_100
    assert MonthlyRoster.objects.assessed(QuotaRules.on(roster.month)).get().quota_status == QuotaStatus.BELOW
