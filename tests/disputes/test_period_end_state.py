"""Report tables read a half-year as it stood at its end: later reopenings and fund decisions change nothing.

Counting rules (see each table's docstring): cases and fund applications are counted by their state on the
period's last day, read from the state log; their main category and channel as they stood then, read from the
grading log (tests/disputes/test_period_end_grading.py).
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disputes import services
from disputes.models import (
    DisputeStateChange,
    DisputeStatus,
    FundDecision,
    FundDecisionChange,
    FundKind,
    MediationChannel,
    RightsFundApplication,
)
from disputes.reports import DisputesByCategory, DisputesByChannel, RightsFund
from labor_portal.core.periods import HalfYear

from .factories import concluded_case, file_case

pytestmark = pytest.mark.django_db
H1 = HalfYear(2020, 1)


def _tables(django_assert_num_queries):
    """Both case tables and the fund's indicators for 2020H1, each in one query."""
    tables = {}
    for table in (DisputesByCategory(), DisputesByChannel(), RightsFund()):
        with django_assert_num_queries(1):
            computed = table.compute(H1)
        tables[type(table).__name__] = computed if isinstance(computed, dict) else {
            row.label: row.values for row in computed}
    return tables


def test_a_case_reopened_after_the_period_leaves_its_tables_unchanged(django_assert_num_queries):
    settled = concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 3, 2), concluded_on=date(2020, 6, 1),
                             channel=MediationChannel.COMMITTEE)
    concluded_case(outcome=DisputeStatus.NOT_SETTLED, filed_on=date(2020, 3, 5), concluded_on=date(2020, 6, 2))
    before = _tables(django_assert_num_queries)
    assert before["DisputesByCategory"]["工資爭議"] == [1, 1, 0, 2]

    services.dispute_case_reopen(case=settled, reason="對造未依調解方案履行", reopened_on=date(2020, 8, 3))

    assert _tables(django_assert_num_queries) == before
    # The half-year that follows sees the case in mediation again; it was received in 2020H1, so it is counted
    # there only, and today's status says it is open.
    settled.refresh_from_db()
    assert settled.status == DisputeStatus.SCHEDULED


def test_a_case_reopened_within_the_period_counts_as_in_mediation(django_assert_num_queries):
    case = concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 3, 2), concluded_on=date(2020, 4, 1))
    services.dispute_case_reopen(case=case, reason="申請人撤銷調解方案", reopened_on=date(2020, 5, 4))
    assert _tables(django_assert_num_queries)["DisputesByCategory"]["工資爭議"] == [0, 0, 1, 1]


def test_a_withdrawal_after_the_period_leaves_the_case_in_mediation_for_it(django_assert_num_queries):
    case = file_case(filed_on=date(2020, 6, 20)).case
    services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 7, 2))
    assert _tables(django_assert_num_queries)["DisputesByCategory"]["小計"] == [0, 0, 1, 1]


def _application(**values) -> RightsFundApplication:
    return RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="某產業工會", registered_in_kaohsiung=True,
        works_in_kaohsiung=True, applied_on=date(2020, 5, 4), lawyer_fee_asked=60_000, **values)


def test_a_fund_approval_revoked_after_the_period_still_counts_for_it(django_assert_num_queries):
    application = services.rights_fund_application_decide(
        application=_application(), decision=FundDecision.APPROVED, decided_on=date(2020, 6, 10),
        amount_granted=50_000)
    before = _tables(django_assert_num_queries)["RightsFund"]
    assert before["disputes.rights_fund.approved"] == 1
    assert before["disputes.rights_fund.amount"] == 50_000

    services.rights_fund_application_decide(application=application, decision=FundDecision.REJECTED,
                                            decided_on=date(2020, 8, 1))

    # The amount granted is not a logged state: the approval as it stood counts, with the amount recorded now.
    after = _tables(django_assert_num_queries)["RightsFund"]
    assert after["disputes.rights_fund.approved"] == 1
    assert after["disputes.rights_fund.applications"] == 1


def test_a_fund_decision_dated_after_the_period_does_not_count_for_it(django_assert_num_queries):
    services.rights_fund_application_decide(application=_application(), decision=FundDecision.APPROVED,
                                            decided_on=date(2020, 7, 3), amount_granted=50_000)
    fund = _tables(django_assert_num_queries)["RightsFund"]
    assert (fund["disputes.rights_fund.applications"], fund["disputes.rights_fund.approved"]) == (1, 0)
    assert FundDecisionChange.objects.get().to_state == FundDecision.APPROVED


def test_every_step_of_a_case_is_logged_with_its_day_who_and_why(dispute_clerk):
    case = file_case(filed_on=date(2020, 3, 2)).case
    services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人 陳○○",
                                 assigned_on=date(2020, 3, 5), user=dispute_clerk)
    services.dispute_case_schedule_session(case=case, held_on=date(2020, 3, 20), place="調解室", user=dispute_clerk)
    services.dispute_case_record_outcome(case=case, outcome=DisputeStatus.NOT_SETTLED, concluded_on=date(2020, 3, 20),
                                         user=dispute_clerk)
    services.dispute_case_reopen(case=case, reason="新事證", reopened_on=date(2020, 4, 1), user=dispute_clerk)
    services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 4, 8))
    log = list(DisputeStateChange.objects.filter(case=case).values_list(
        "from_state", "to_state", "changed_on", "changed_by", "reason"))
    assert log == [
        ("", "received", date(2020, 3, 2), None, ""),
        ("received", "assigned", date(2020, 3, 5), dispute_clerk.pk, ""),
        ("assigned", "scheduled", date(2020, 3, 20), dispute_clerk.pk, ""),
        ("scheduled", "not_settled", date(2020, 3, 20), dispute_clerk.pk, ""),
        ("not_settled", "scheduled", date(2020, 4, 1), dispute_clerk.pk, "新事證"),
        ("scheduled", "withdrawn", date(2020, 4, 8), None, ""),  # the citizen withdrew it
    ]


def test_an_outcome_dated_before_the_last_change_counts_from_that_change():
    case = file_case(filed_on=date(2020, 6, 1)).case
    services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人",
                                 assigned_on=date(2020, 7, 2))
    # Withdrawn "on 30 June", recorded after the July assignment: the log keeps the case's order, so the
    # withdrawal counts from 2 July and 2020H1 keeps the case in mediation, as its tables said on 1 July.
    services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 6, 30))
    assert DisputeStateChange.objects.filter(case=case).last().changed_on == date(2020, 7, 2)
    assert DisputesByCategory().compute(H1)[-1].values == [0, 0, 1, 1]


def test_filing_writes_the_first_state_with_one_insert_and_no_select():
    with CaptureQueriesContext(connection) as captured:
        file_case()
    table = DisputeStateChange._meta.db_table
    touching = [query["sql"] for query in captured if table in query["sql"]]
    assert len(touching) == 1 and touching[0].startswith("INSERT"), touching


def test_a_decision_changed_in_the_admin_is_logged(client, dispute_clerk):
    application = _application()
    client.force_login(dispute_clerk)
    url = reverse("admin:disputes_rightsfundapplication_change", args=[application.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(decision="approved", decided_on="2020-06-01", amount_granted=50_000)
    for name in ("registered_in_kaohsiung", "works_in_kaohsiung"):
        data[name] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = FundDecisionChange.objects.get()
    assert (change.from_state, change.to_state, change.changed_on, change.changed_by) == (
        FundDecision.PENDING, FundDecision.APPROVED, date(2020, 6, 1), dispute_clerk)
