"""The data migrations keep and convert the records written before them, on one walk back and forth.

By hand, django-test-migrations style (the `migrate_to` fixture): migrate back before the earliest of them, write
records with the historical models, and migrate forward one step at a time, writing what the next step converts
and checking what the last one did. One walk for all: going back replays the project's state (5 to 10 s of CPU
whatever the distance), going forward a step costs a second or two.

- disputes/0006 and inspections/0003 (issue 9): the state logs start from today's records; the half-year's tables
  read from the backfilled logs report as before.
- disability_services/0004: each existing rehabilitation case gets its current stage logged.
- disputes/0007 (issue 9): the year's case-number counter moves to the kit, and the next dispute continues it.
- disputes/0008 and cases/0002 (issue 9): the outbox and the read log move to the kit, every row kept, and back.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from disability_services.demo import personal_id
from disability_services.reports import CaseManagement
from disputes.reports import DisputesByCategory, RightsFund
from inspections.reports import LSAViolationsByArticle
from labor_portal.core.periods import HalfYear
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db(transaction=True)

H1 = HalfYear(2020, 1)
BEFORE_STATE_LOGS = [("disputes", "0005_personal_data_view_page"), ("inspections", "0002_establishment_name_trigram"),
                     ("disability_services", "0003_roster_month_counts_index")]
AFTER_STATE_LOGS = [("disputes", "0006_dispute_state_log"), ("inspections", "0003_penalty_state_log"),
                    ("disability_services", "0004_case_stage_log")]
BEFORE_CASE_NUMBERS = [("disputes", "0006_dispute_state_log"), ("cases", "0001_initial")]
BEFORE_KIT_ROWS = [("disputes", "0007_case_numbers_to_kit"), ("cases", "0001_initial")]
AFTER_KIT_ROWS = [("disputes", "0008_outbox_and_read_log_to_kit"), ("cases", "0002_outbox_and_read_log")]
# The kit's rows are of 2021 (ROC 110), so that they leave the 2020 half-year's tables as the state logs made them.
TAIPEI = ZoneInfo("Asia/Taipei")
VIEWED = datetime(2021, 3, 5, 9, 30, tzinfo=TAIPEI)
SENT = datetime(2021, 3, 2, 10, 0, tzinfo=TAIPEI)


def test_each_data_migration_keeps_the_records_written_before_it(migrate_to):
    old = migrate_to(BEFORE_STATE_LOGS)
    disputes = _old_disputes(old)
    _old_penalties(old)
    rehabilitation = _old_rehabilitation_cases(old)

    apps = migrate_to(AFTER_STATE_LOGS)
    _check_dispute_logs(apps, disputes)
    _check_stage_log(apps, rehabilitation)

    old = migrate_to(BEFORE_CASE_NUMBERS)
    old.get_model("disputes", "CaseNumberSequence").objects.create(roc_year=109, last_number=41)

    kit = _old_kit_rows(migrate_to(BEFORE_KIT_ROWS))
    _check_kit_rows_moved(migrate_to(AFTER_KIT_ROWS), kit)
    _check_kit_rows_back(migrate_to(BEFORE_KIT_ROWS), kit)

    call_command("migrate", verbosity=0)
    _check_reports_from_the_logs()
    # After the counter's move, the next dispute of ROC year 109 continues its count.
    assert file_case(filed_on=date(2020, 5, 4)).case.case_number == "109-D-000042"


# disputes/0006, inspections/0003: the state logs
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



def _check_dispute_logs(apps, cases):
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


def _check_reports_from_the_logs():
    """With every migration applied, the half-year's tables read the backfilled logs."""
    # Settled by April; not settled in June (reopened only in August); withdrawn (total only); received in June
    # and settled in July: in mediation at the end of June.
    assert DisputesByCategory().compute(H1)[0].values == [1, 1, 1, 4]
    fund = RightsFund().compute(H1)
    assert (fund["disputes.rights_fund.applications"], fund["disputes.rights_fund.approved"]) == (3, 1)
    assert fund["disputes.rights_fund.amount"] == 50_000
    # The penalty statuses as they are now, since their decision dates: only the final one counts.
    assert LSAViolationsByArticle().compute(H1)[1].values[0] == 1


# disability_services/0004: the stage log

def _old_rehabilitation_cases(apps):
    def client(n):
        return apps.get_model("disability_services", "Client").objects.create(
            name=f"王小{n}", personal_id=personal_id(n), disability_level="mild")

    case = apps.get_model("disability_services", "RehabilitationCase").objects.create
    return {
        "closed": case(client=client(1), opened_on=date(2019, 3, 1), stage="closed", closed_on=date(2019, 12, 31)),
        "closed_in_h1": case(client=client(2), opened_on=date(2019, 3, 1), stage="closed", closed_on=date(2020, 2, 1)),
        "open": case(client=client(3), opened_on=date(2019, 9, 1), stage="plan"),
    }


def _check_stage_log(apps, cases):
    Change = apps.get_model("disability_services", "CaseStageChange")
    assert apps.get_model("disability_services", "RehabilitationCase").objects.count() == 3
    log = {row[0]: row[1:] for row in Change.objects.values_list("case_id", "from_state", "to_state", "changed_on")}
    assert log[cases["closed"].pk] == ("", "closed", date(2019, 12, 31))
    assert log[cases["closed_in_h1"].pk] == ("", "closed", date(2020, 2, 1))
    # An open case: its stage on the day it was last changed (today here: the rows were written just now).
    assert log[cases["open"].pk][:2] == ("", "plan") and log[cases["open"].pk][2] >= date(2019, 9, 1)
    assert CaseManagement().compute(H1)["disability_services.case_management.cumulative"] == 2


# disputes/0008, cases/0002: the outbox and the read log move to the kit

def _old_kit_rows(apps):
    User = apps.get_model("auth", "User")
    DisputeCase = apps.get_model("disputes", "DisputeCase")
    RightsFundApplication = apps.get_model("disputes", "RightsFundApplication")
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")

    clerk = User.objects.create(username="clerk", is_staff=True)
    english = DisputeCase.objects.create(case_number="110-D-000001", access_code_hash="sha256$x$y",
                                         filed_on=date(2021, 3, 2), main_category="wages", account="…",
                                         respondent_name="示範股份有限公司")
    chinese = DisputeCase.objects.create(case_number="110-D-000002", access_code_hash="sha256$x$z",
                                         filed_on=date(2021, 3, 2), main_category="wages", account="…",
                                         respondent_name="示範股份有限公司")
    application = RightsFundApplication.objects.create(kind="unfair_labor_practice", applicant_name="王小明",
                                                       applied_on=date(2021, 3, 1))
    sent = ConfirmationEmail.objects.create(case=english, recipient="ming@example.tw", language="en",
                                            sent_at=SENT, attempts=1)
    failing = ConfirmationEmail.objects.create(case=chinese, recipient="hua@example.tw", language="zh-hant",
                                               attempts=3, last_error="smtp down",
                                               claimed_until=SENT + timedelta(minutes=5))
    reads = [
        PersonalDataView.objects.create(case=english, viewer=clerk, page="change", ip_address="10.0.0.7"),
        PersonalDataView.objects.create(fund_application=application, viewer=clerk, page="history"),
        PersonalDataView.objects.create(case=chinese, viewer=clerk, page=""),  # before pages were told apart
    ]
    PersonalDataView.objects.update(viewed_at=VIEWED)
    return {"clerk": clerk, "english": english, "chinese": chinese, "application": application, "sent": sent,
            "failing": failing, "reads": reads}


def _check_kit_rows_moved(apps, old):
    OutboxMessage = apps.get_model("cases", "OutboxMessage")
    PersonalDataRead = apps.get_model("cases", "PersonalDataRead")
    DisputeCase = apps.get_model("disputes", "DisputeCase")

    messages = {message.recipient: message for message in OutboxMessage.objects.all()}
    assert set(messages) == {"ming@example.tw", "hua@example.tw"}
    sent, failing = messages["ming@example.tw"], messages["hua@example.tw"]
    assert (sent.object_id, sent.section, sent.kind, sent.language) == (
        str(old["english"].pk), "disputes", "disputes.confirmation", "en")
    assert sent.sent_at == SENT and sent.attempts == 1 and sent.created_at == old["sent"].created_at
    assert failing.sent_at is None and (failing.attempts, failing.last_error) == (3, "smtp down")
    assert failing.claimed_until == SENT + timedelta(minutes=5)
    assert sent.message_id != failing.message_id and sent.template == "disputes/email/confirmation"
    # The filing language, kept until now only on the confirmation, is the case's.
    assert DisputeCase.objects.get(pk=old["english"].pk).language == "en"
    assert DisputeCase.objects.get(pk=old["chinese"].pk).language == "zh-hant"

    reads = list(PersonalDataRead.objects.select_related("content_type").order_by("pk"))
    assert [(read.content_type.model, read.object_id, read.label, read.page, read.ip_address) for read in reads] == [
        ("disputecase", str(old["english"].pk), "110-D-000001", "change", "10.0.0.7"),
        ("rightsfundapplication", str(old["application"].pk), "不當勞動行為裁決 2021-03-01", "history", None),
        ("disputecase", str(old["chinese"].pk), "110-D-000002", "", None),
    ]
    assert all(read.viewer_id == old["clerk"].pk and read.viewed_at == VIEWED for read in reads)
    assert {read.section for read in reads} == {"disputes"}


def _check_kit_rows_back(apps, old):
    """Migrating back restores the old rows."""
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")
    assert sorted(ConfirmationEmail.objects.values_list("recipient", "sent_at", "attempts")) == [
        ("hua@example.tw", None, 3), ("ming@example.tw", SENT, 1)]
    assert PersonalDataView.objects.count() == len(old["reads"])
    assert set(PersonalDataView.objects.values_list("viewed_at", flat=True)) == {VIEWED}
