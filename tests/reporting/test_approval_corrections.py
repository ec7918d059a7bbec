"""Records of an approved half-year can still be corrected in the admin, but only with a reason."""

from datetime import date

import pytest
from django.urls import reverse

from labor_portal.reporting.models import PeriodCorrection
from tests.module_records import records_for_the_module
from tests.reporting import approval_support
from tests.reporting.approval_support import generate, publish, report_staff
from tests.unions.factories import StatutoryMeetingFactory, UnionFactory
from unions.models import MeetingKind, StatutoryMeeting

private_media = approval_support.private_media  # fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def published(django_db_setup, django_db_blocker, private_media):
    """2020H1 approved, once for the module (each test's own changes are rolled back after it). With no half-year
    approved no reason is asked: tests/unions/test_api_and_admin.py."""
    with records_for_the_module(django_db_blocker):
        yield publish(*report_staff(), "2020H1")


def _change(client, meeting, **fields):
    data = {"union": meeting.union_id, "kind": meeting.kind, "held_on": meeting.held_on.isoformat(), **fields}
    return client.post(reverse("admin:unions_statutorymeeting_change", args=[meeting.pk]), data)


def test_a_record_of_an_approved_half_year_is_saved_only_with_a_reason(published, union_clerk, client):
    meeting = StatutoryMeetingFactory(held_on=date(2020, 3, 1), kind=MeetingKind.BOARD_OF_DIRECTORS)
    client.force_login(union_clerk)
    form = client.get(reverse("admin:unions_statutorymeeting_change", args=[meeting.pk]))
    assert 'name="correction_reason"' in form.text

    refused = _change(client, meeting, kind=MeetingKind.GENERAL_ASSEMBLY)
    assert refused.status_code == 200 and "請填寫更正原因" in refused.text
    meeting.refresh_from_db()
    assert meeting.kind == MeetingKind.BOARD_OF_DIRECTORS and not PeriodCorrection.objects.exists()

    saved = _change(client, meeting, kind=MeetingKind.GENERAL_ASSEMBLY, correction_reason="會議類別誤植")
    assert saved.status_code == 302
    meeting.refresh_from_db()
    assert meeting.kind == MeetingKind.GENERAL_ASSEMBLY
    assert meeting.history.first().history_change_reason == "會議類別誤植"
    correction = PeriodCorrection.objects.get()
    assert (correction.period, correction.record_type, correction.record_id, correction.corrected_by) == (
        "2020H1", "unions.statutorymeeting", str(meeting.pk), union_clerk)


def test_restoring_a_version_that_moves_a_record_out_of_an_approved_half_year_needs_a_reason(
        published, union_clerk, client):
    """The history page's form holds the version's values, not the stored ones: the stored day still counts."""
    meeting = StatutoryMeetingFactory(held_on=date(2020, 9, 1), kind=MeetingKind.BOARD_OF_DIRECTORS)
    meeting.held_on = date(2020, 3, 1)
    meeting.save()
    autumn = meeting.history.earliest()
    client.force_login(union_clerk)
    url = reverse("admin:unions_statutorymeeting_simple_history", args=[meeting.pk, autumn.history_id])
    data = {"union": meeting.union_id, "kind": meeting.kind, "held_on": "2020-09-01"}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "請填寫更正原因" in refused.text
    meeting.refresh_from_db()
    assert meeting.held_on == date(2020, 3, 1) and not PeriodCorrection.objects.exists()

    assert client.post(url, {**data, "correction_reason": "日期誤植，回復原值"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.held_on == date(2020, 9, 1) and meeting.history.first().history_change_reason == "日期誤植，回復原值"
    assert PeriodCorrection.objects.get().period == "2020H1"


def test_a_record_of_a_half_year_not_approved_needs_no_reason(published, union_clerk, client):
    meeting = StatutoryMeetingFactory(held_on=date(2020, 9, 1))
    client.force_login(union_clerk)
    assert _change(client, meeting, kind=MeetingKind.GENERAL_ASSEMBLY).status_code == 302
    assert not PeriodCorrection.objects.exists()


def test_moving_a_record_into_or_adding_one_to_an_approved_half_year_needs_a_reason(published, union_clerk, client):
    meeting = StatutoryMeetingFactory(held_on=date(2020, 9, 1))
    client.force_login(union_clerk)
    assert _change(client, meeting, held_on="2020-06-30").status_code == 200
    assert _change(client, meeting, held_on="2020-06-30", correction_reason="日期誤植").status_code == 302
    assert PeriodCorrection.objects.get().period == "2020H1"

    union = UnionFactory()
    added = client.post(reverse("admin:unions_statutorymeeting_add"),
                        {"union": union.pk, "kind": MeetingKind.BOARD_OF_SUPERVISORS, "held_on": "2020-02-01"})
    assert added.status_code == 200 and not StatutoryMeeting.objects.filter(union=union).exists()


def test_the_report_page_shows_changes_since_approval(published, official, union_clerk, client):
    meeting = StatutoryMeetingFactory(held_on=date(2020, 3, 1))
    client.force_login(official)
    assert "核定後已更正" not in client.get(reverse("reports:run", args=[published.run_id])).text
    client.force_login(union_clerk)
    _change(client, meeting, kind=MeetingKind.GENERAL_ASSEMBLY, correction_reason="會議類別誤植")
    client.force_login(official)
    page = client.get(reverse("reports:run", args=[published.run_id]))
    assert "本期資料在核定後已更正 1 筆" in page.text and "法定會議" in page.text
    assert "會議類別誤植" not in page.text  # the reason may name people: it stays in the record's history
    assert "本期資料在核定後已更正 1 筆" in client.get(reverse("reports:run", args=[generate(official).pk])).text
