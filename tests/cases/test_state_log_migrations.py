"""The state logs start from today's records (issue 9): migrations disputes/0006 and inspections/0003.

By hand, django-test-migrations style: migrate back before the logs, write records with the historical models,
migrate forward, and read the half-year's tables from the backfilled logs.
"""

from datetime import date

import pytest
from django.core.management import call_command

from disputes.reports import DisputesByCategory, RightsFund
from inspections.reports import LSAViolationsByArticle
from labor_portal.core.periods import HalfYear

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("disputes", "0005_personal_data_view_page"), ("inspections", "0002_establishment_name_trigram")]
AFTER = [("disputes", "0006_dispute_state_log"), ("inspections", "0003_penalty_state_log")]
H1 = HalfYear(2020, 1)


@pytest.fixture
def old_apps(migrate_to):
    return migrate_to(BEFORE)


def _case(apps, number, **values):
    values = {"main_category": "wages", "account": "…", "respondent_name": "示範股份有限公司", **values}
    return apps.get_model("disputes", "DisputeCase").objects.create(
        case_number=f"109-D-{number:06d}", access_code_hash="sha256$x$y", **values)


def _old_disputes(apps):
    session = apps.get_model("disputes", "MediationSession").objects.create
    settled = _case(apps, 1, filed_on=date(2020, 3, 2), status="settled", channel="mediator",
                    assigned_on=date(2020, 3, 5), concluded_on=date(2020, 4, 1))
    session(case=settled, held_on=date(2020, 4, 1), place="調解室")
    # Concluded not settled in June, reopened in August: scheduled again now.
    reopened = _case(apps, 2, filed_on=date(2020, 3, 2), status="scheduled", channel="mediator",
                     assigned_on=date(2020, 3, 5))
    session(case=reopened, held_on=date(2020, 6, 20), place="調解室")
    apps.get_model("disputes", "Reopening").objects.create(
        case=reopened, reopened_on=date(2020, 8, 3), reason="新事證", previous_status="not_settled",
        previous_concluded_on=date(2020, 6, 20))
    withdrawn = _case(apps, 3, filed_on=date(2020, 5, 1), status="withdrawn", concluded_on=date(2020, 5, 3))
    concluded_later = _case(apps, 4, filed_on=date(2020, 6, 29), status="settled", channel="committee",
                            assigned_on=date(2020, 6, 30), concluded_on=date(2020, 7, 15))
    session(case=concluded_later, held_on=date(2020, 7, 15), place="調解室")
    application = apps.get_model("disputes", "RightsFundApplication").objects.create
    fund = {"kind": "unfair_labor_practice", "applicant_name": "某工會", "applied_on": date(2020, 5, 4)}
    application(**fund, decision="approved", decided_on=date(2020, 6, 10), amount_granted=50_000)
    application(**fund, decision="approved", decided_on=date(2020, 7, 10), amount_granted=40_000)
    application(**fund)
    return {"settled": settled, "reopened": reopened, "withdrawn": withdrawn, "later": concluded_later}


def _old_penalties(apps):
    firm = apps.get_model("inspections", "Establishment").objects.create(
        name="示範鋼鐵", business_number="04595257", responsible_person="林", industry="C", district="小港區")
    violation = apps.get_model("inspections", "Violation").objects.create
    for status, day in (("final", 5), ("revoked", 6), ("appeal", 7)):
        violation(establishment=firm, law="lsa", article=24, decided_on=date(2020, 5, day), fine_imposed=20_000,
                  status=status)


def test_the_logs_replay_each_case_from_its_records_and_the_half_year_reports_as_they_say(old_apps, migrate_to):
    """One test for both steps: each migration step replays the whole project's state (about 25 s of CPU)."""
    cases = _old_disputes(old_apps)
    _old_penalties(old_apps)
    apps = migrate_to(AFTER)
    Change = apps.get_model("disputes", "DisputeStateChange")

    def log(case):
        return list(Change.objects.filter(case=case.pk).order_by("changed_on", "changed_at", "pk")
                    .values_list("from_state", "to_state", "changed_on"))

    assert log(cases["reopened"]) == [
        ("", "received", date(2020, 3, 2)),
        ("received", "assigned", date(2020, 3, 5)),
        ("assigned", "scheduled", date(2020, 6, 20)),
        ("scheduled", "not_settled", date(2020, 6, 20)),
        ("not_settled", "scheduled", date(2020, 8, 3)),
    ]
    assert log(cases["withdrawn"]) == [("", "received", date(2020, 5, 1)), ("received", "withdrawn", date(2020, 5, 3))]
    assert log(cases["later"])[-1] == ("scheduled", "settled", date(2020, 7, 15))
    decisions = apps.get_model("disputes", "FundDecisionChange").objects.values_list("to_state", "changed_on")
    assert sorted(decisions) == [("approved", date(2020, 6, 10)), ("approved", date(2020, 7, 10))]

    call_command("migrate", verbosity=0)
    # Settled by April; not settled in June (reopened only in August); withdrawn (total only); received in June
    # and settled in July: in mediation at the end of June.
    assert DisputesByCategory().compute(H1)[0].values == [1, 1, 1, 4]
    fund = RightsFund().compute(H1)
    assert (fund["disputes.rights_fund.applications"], fund["disputes.rights_fund.approved"]) == (3, 1)
    assert fund["disputes.rights_fund.amount"] == 50_000
    # The penalty statuses as they are now, since their decision dates: only the final one counts.
    assert LSAViolationsByArticle().compute(H1)[1].values[0] == 1
