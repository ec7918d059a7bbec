"""A past half-year's tables keep each case in the category and channel it had at the period's end.

Counting rule (disputes.reports.grading_on): a case is grouped by its main category and channel as they stood on
the period's last day, read from the grading log; a case never re-graded, by its values now.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disputes import services
from disputes.models import DisputeCategory, DisputeGradingChange, DisputeStatus, MediationChannel
from disputes.reports import DisputesByCategory, DisputesByChannel
from labor_portal.core.periods import HalfYear

from .factories import concluded_case, file_case
from .test_staff_admin import _form

pytestmark = pytest.mark.django_db
H1, H2 = HalfYear(2020, 1), HalfYear(2020, 2)


def _rows(table, period, django_assert_num_queries) -> dict[str, list[int]]:
    # Reading the grading at the period's end adds a subquery, not a query: one aggregate query per table.
    with django_assert_num_queries(1):
        return {row.label: row.values for row in table.compute(period)}


def test_a_case_recategorised_after_the_period_stays_in_its_category_then(django_assert_num_queries, dispute_clerk):
    case = concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 3, 2), concluded_on=date(2020, 6, 1))
    file_case(filed_on=date(2020, 5, 4), category=DisputeCategory.WAGES)
    before = _rows(DisputesByCategory(), H1, django_assert_num_queries)
    assert before["工資爭議"] == [1, 0, 1, 2]

    services.dispute_case_regrade(case=case, main_category=DisputeCategory.RETIREMENT, user=dispute_clerk,
                                  reason="實為退休金爭議", on=date(2020, 8, 3))

    assert _rows(DisputesByCategory(), H1, django_assert_num_queries) == before
    # The case is counted in the half-year it was received in only; a later period would see it re-graded.
    case.refresh_from_db()
    assert case.main_category == DisputeCategory.RETIREMENT
    assert "retirement" in case.categories


def test_a_case_received_in_one_period_and_recategorised_in_the_next_moves_there(django_assert_num_queries,
                                                                               dispute_clerk):
    case = file_case(filed_on=date(2020, 8, 3)).case
    services.dispute_case_regrade(case=case, main_category=DisputeCategory.CONTRACT, user=dispute_clerk,
                                  reason="改列契約爭議", on=date(2020, 9, 1))
    rows = _rows(DisputesByCategory(), H2, django_assert_num_queries)
    assert (rows["工資爭議"], rows["契約爭議"]) == ([0, 0, 0, 0], [0, 0, 1, 1])


def test_a_case_recategorised_within_the_period_counts_in_its_new_category(django_assert_num_queries, dispute_clerk):
    case = file_case(filed_on=date(2020, 3, 2)).case
    services.dispute_case_regrade(case=case, main_category=DisputeCategory.OCCUPATIONAL_INJURY, user=dispute_clerk,
                                  reason="職災", on=date(2020, 6, 30))
    rows = _rows(DisputesByCategory(), H1, django_assert_num_queries)
    assert (rows["工資爭議"], rows["職災爭議"]) == ([0, 0, 0, 0], [0, 0, 1, 1])


def test_a_case_moved_to_another_channel_after_the_period_stays_in_its_channel_then(django_assert_num_queries,
                                                                                  dispute_clerk):
    case = concluded_case(outcome=DisputeStatus.NOT_SETTLED, filed_on=date(2020, 3, 2),
                          concluded_on=date(2020, 5, 1), channel=MediationChannel.MEDIATOR)
    services.dispute_case_reopen(case=case, reason="對造請求再開調解會議", reopened_on=date(2020, 7, 6),
                                 user=dispute_clerk)
    before = _rows(DisputesByChannel(), H1, django_assert_num_queries)
    assert before["主管機關調解人"] == [0, 0, 1, 100, 0, 1]

    services.dispute_case_assign(case=case, channel=MediationChannel.COMMITTEE, mediation_body="調解委員會",
                                 assigned_on=date(2020, 7, 8), user=dispute_clerk)

    assert _rows(DisputesByChannel(), H1, django_assert_num_queries) == before
    case.refresh_from_db()
    assert case.channel == MediationChannel.COMMITTEE


def test_a_case_assigned_after_the_period_stays_unassigned_for_it(django_assert_num_queries, dispute_clerk):
    case = file_case(filed_on=date(2020, 6, 20)).case
    services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人 陳○○",
                                 assigned_on=date(2020, 7, 2), user=dispute_clerk)
    rows = _rows(DisputesByChannel(), H1, django_assert_num_queries)
    assert rows["尚未分案"] == [0, 0, 0, 0, 1, 1]
    assert rows["主管機關調解人"] == [0, 0, 0, 0, 0, 0]
    # The log: the grading the case was filed with, dated its filing day, then the assignment.
    assert list(DisputeGradingChange.objects.filter(case=case).values_list("channel", "changed_on", "changed_by")) == [
        ("", date(2020, 6, 20), None), ("mediator", date(2020, 7, 2), dispute_clerk.pk)]


def test_a_case_assigned_within_the_period_counts_in_its_channel(django_assert_num_queries):
    concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 3, 2), concluded_on=date(2020, 4, 1),
                   channel=MediationChannel.CIVIC_GROUP)
    rows = _rows(DisputesByChannel(), H1, django_assert_num_queries)
    assert rows["民間團體調處"] == [1, 100, 0, 0, 0, 1] and "尚未分案" not in rows


def test_a_regrade_is_never_dated_before_the_latest_one(dispute_clerk):
    case = file_case(filed_on=date(2020, 6, 1)).case
    services.dispute_case_regrade(case=case, main_category=DisputeCategory.CONTRACT, user=dispute_clerk,
                                  on=date(2020, 7, 2))
    # Back-dated to 30 June, recorded after the July change: it counts from 2 July, as the tables then said.
    services.dispute_case_regrade(case=case, main_category=DisputeCategory.OTHER, user=dispute_clerk,
                                  on=date(2020, 6, 30))
    assert DisputeGradingChange.objects.filter(case=case).last().changed_on == date(2020, 7, 2)
    assert DisputesByCategory().compute(H1)[0].values == [0, 0, 1, 1]  # 工資爭議


def test_the_admin_logs_a_recategorisation_with_the_clerk_and_reason(client, dispute_clerk):
    case = file_case(filed_on=date(2020, 3, 2)).case
    client.force_login(dispute_clerk)
    url = reverse("admin:disputes_disputecase_change", args=[case.pk])

    response = client.post(url, _form(case, main_category="contract"))
    assert response.status_code == 200 and "須說明理由" in response.text
    assert not DisputeGradingChange.objects.exists()

    response = client.post(url, _form(case, main_category="contract", regrade_reason="雇主片面變更勞動契約"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.main_category == DisputeCategory.CONTRACT
    original, regraded = DisputeGradingChange.objects.filter(case=case)
    assert (original.main_category, original.changed_on, original.changed_by) == ("wages", date(2020, 3, 2), None)
    assert (regraded.main_category, regraded.changed_by, regraded.reason) == (
        "contract", dispute_clerk, "雇主片面變更勞動契約")


def test_assigning_a_channel_in_the_admin_needs_no_reason_and_counts_from_the_assignment(client, dispute_clerk):
    case = file_case(filed_on=date(2020, 6, 20)).case
    client.force_login(dispute_clerk)
    response = client.post(reverse("admin:disputes_disputecase_change", args=[case.pk]), _form(
        case, status="assigned", channel="committee", mediation_body="調解委員會", assigned_on="2020-07-03"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert DisputeGradingChange.objects.filter(case=case).last().changed_on == date(2020, 7, 3)
    assert DisputesByChannel().compute(H1)[-2].label == "尚未分案"


def test_filing_writes_nothing_to_the_grading_log():
    with CaptureQueriesContext(connection) as captured:
        file_case()
    table = DisputeGradingChange._meta.db_table
    assert [query["sql"] for query in captured if table in query["sql"]] == []
