"""Moving the outbox and the read log into the case kit keeps every row written before (issue 9).

By hand, django-test-migrations style: migrate disputes back to 0007 and cases to 0001, write rows in the old
tables with the historical models, migrate forward, and look for each of them in the new ones.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("disputes", "0007_case_numbers_to_kit"), ("cases", "0001_initial")]
AFTER = [("disputes", "0008_outbox_and_read_log_to_kit"), ("cases", "0002_outbox_and_read_log")]
TAIPEI = ZoneInfo("Asia/Taipei")
VIEWED = datetime(2020, 3, 5, 9, 30, tzinfo=TAIPEI)
SENT = datetime(2020, 3, 2, 10, 0, tzinfo=TAIPEI)


@pytest.fixture
def old_apps(migrate_to):
    return migrate_to(BEFORE)


def _old_rows(apps):
    User = apps.get_model("auth", "User")
    DisputeCase = apps.get_model("disputes", "DisputeCase")
    RightsFundApplication = apps.get_model("disputes", "RightsFundApplication")
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")

    clerk = User.objects.create(username="clerk", is_staff=True)
    english = DisputeCase.objects.create(case_number="109-D-000001", access_code_hash="sha256$x$y",
                                         filed_on=date(2020, 3, 2), main_category="wages", account="…",
                                         respondent_name="示範股份有限公司")
    chinese = DisputeCase.objects.create(case_number="109-D-000002", access_code_hash="sha256$x$z",
                                         filed_on=date(2020, 3, 2), main_category="wages", account="…",
                                         respondent_name="示範股份有限公司")
    application = RightsFundApplication.objects.create(kind="unfair_labor_practice", applicant_name="王小明",
                                                       applied_on=date(2020, 3, 1))
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


def test_every_confirmation_and_read_survives_the_move_to_the_kit_and_back(old_apps, migrate_to):
    """One test both ways: each migration step replays the whole project's state (about 25 s of CPU)."""
    old = _old_rows(old_apps)
    apps = migrate_to(AFTER)
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
        ("disputecase", str(old["english"].pk), "109-D-000001", "change", "10.0.0.7"),
        ("rightsfundapplication", str(old["application"].pk), "不當勞動行為裁決 2020-03-01", "history", None),
        ("disputecase", str(old["chinese"].pk), "109-D-000002", "", None),
    ]
    assert all(read.viewer_id == old["clerk"].pk and read.viewed_at == VIEWED for read in reads)
    assert {read.section for read in reads} == {"disputes"}

    # Migrating back restores the old rows.
    apps = migrate_to(BEFORE)
    ConfirmationEmail = apps.get_model("disputes", "ConfirmationEmail")
    PersonalDataView = apps.get_model("disputes", "PersonalDataView")
    assert sorted(ConfirmationEmail.objects.values_list("recipient", "sent_at", "attempts")) == [
        ("hua@example.tw", None, 3), ("ming@example.tw", SENT, 1)]
    assert PersonalDataView.objects.count() == len(old["reads"])
    assert set(PersonalDataView.objects.values_list("viewed_at", flat=True)) == {VIEWED}
