"""One read log for every section: 系統管理 searches and exports it, nobody edits it, section staff never see it."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from disputes.models import FundKind, RightsFundApplication
from labor_portal.cases.models import PersonalDataPage, PersonalDataRead
from labor_portal.cases.readlog import personal_data_read_record
from tests.disputes.factories import VALID_ID, file_case

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:cases_personaldataread_changelist"
TAIPEI = ZoneInfo("Asia/Taipei")


def _read(viewer, obj, *, page=PersonalDataPage.CHANGE, at=None, section=None):
    read = personal_data_read_record(viewer=viewer, obj=obj, page=page, ip_address="10.1.2.3", section=section)
    if at:
        PersonalDataRead.objects.filter(pk=read.pk).update(viewed_at=at)
    return read


@pytest.fixture
def administrator(make_staff):
    return make_staff("administrators")


def _listed(client, **params) -> set[str]:
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {str(read.pk) for read in response.context["cl"].result_list}


def test_opening_a_case_in_full_is_logged_with_its_case_number(client, dispute_clerk):
    case = file_case().case
    client.force_login(dispute_clerk)
    client.get(reverse("admin:disputes_disputecase_change", args=[case.pk]))
    read = PersonalDataRead.objects.get()
    assert (read.record, read.section, read.label, read.page) == (case, "disputes", case.case_number, "change")
    assert read.viewer == dispute_clerk and read.ip_address == "127.0.0.1"


def test_the_administrator_filters_the_log_by_person_section_case_and_date(client, administrator, dispute_clerk,
                                                                           make_staff):
    other_clerk = make_staff("disputes", username="other-clerk")
    first, second = file_case(token="t" * 30 + "01").case, file_case(token="t" * 30 + "02").case
    by_clerk = _read(dispute_clerk, first, at=datetime(2020, 3, 5, 9, tzinfo=TAIPEI))
    by_other = _read(other_clerk, second, at=datetime(2020, 4, 7, 9, tzinfo=TAIPEI))
    elsewhere = _read(other_clerk, first, section="employment", at=datetime(2020, 4, 8, 9, tzinfo=TAIPEI))
    client.force_login(administrator)
    assert _listed(client) == {str(by_clerk.pk), str(by_other.pk), str(elsewhere.pk)}
    assert _listed(client, viewer__id__exact=dispute_clerk.pk) == {str(by_clerk.pk)}
    assert _listed(client, section="employment") == {str(elsewhere.pk)}
    assert _listed(client, q=second.case_number) == {str(by_other.pk)}
    assert _listed(client, q=str(first.pk)) == {str(by_clerk.pk), str(elsewhere.pk)}
    assert _listed(client, viewed_at__year=2020, viewed_at__month=4) == {str(by_other.pk), str(elsewhere.pk)}


def test_the_administrator_exports_the_log_as_csv_with_formulas_neutralised(client, administrator, dispute_clerk):
    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applicant_personal_id=VALID_ID,
        applied_on=datetime(2020, 3, 1).date(),
    )
    read = _read(dispute_clerk, application, page=PersonalDataPage.HISTORY)
    PersonalDataRead.objects.filter(pk=read.pk).update(label='=HYPERLINK("http://evil","點此")')
    client.force_login(administrator)
    response = client.post(reverse(CHANGELIST), {"action": "export_csv", "select_across": "1", "index": "0",
                                                 "_selected_action": [read.pk]})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:4] == ["調閱時間", "調閱者", "業務科", "資料"]
    assert row[1:4] == [dispute_clerk.username, "disputes", '\'=HYPERLINK("http://evil","點此")']
    assert row[4] == "變更歷史" and row[5] == "10.1.2.3" and row[6:] == ["disputes.rightsfundapplication",
                                                                          str(application.pk)]


def test_nobody_can_add_change_or_delete_read_log_rows_not_even_the_administrator(client, administrator,
                                                                                  dispute_clerk):
    read = _read(dispute_clerk, file_case().case)
    client.force_login(administrator)
    change_url = reverse("admin:cases_personaldataread_change", args=[read.pk])
    assert client.get(change_url).status_code == 200  # readable
    client.post(change_url, {"label": "edited", "page": "search"})
    assert client.post(reverse("admin:cases_personaldataread_delete", args=[read.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:cases_personaldataread_add")).status_code == 403
    response = client.post(reverse(CHANGELIST), {"action": "delete_selected", "_selected_action": [read.pk]})
    assert response.status_code in (200, 302)
    unchanged = PersonalDataRead.objects.get(pk=read.pk)
    assert (unchanged.label, unchanged.page) == (read.label, read.page)


def test_section_staff_cannot_see_the_read_log(client, dispute_clerk):
    _read(dispute_clerk, file_case().case)
    client.force_login(dispute_clerk)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert "cases/personaldataread" not in client.get(reverse("admin:index")).text


def test_a_read_stays_readable_after_the_case_is_deleted(client, administrator, dispute_clerk):
    case = file_case().case
    _read(dispute_clerk, case)
    number = case.case_number
    case.delete()
    client.force_login(administrator)
    response = client.get(reverse(CHANGELIST))
    assert number in response.text and PersonalDataRead.objects.get().record is None


def test_case_lists_and_exports_are_masked_and_only_the_export_is_logged(client, dispute_clerk):
    case = file_case().case
    client.force_login(dispute_clerk)
    listing = client.get(reverse("admin:disputes_disputecase_changelist"))
    assert "王○明" in listing.text and VALID_ID not in listing.text
    assert PersonalDataRead.objects.count() == 0
    response = client.post(reverse("admin:disputes_disputecase_changelist"),
                           {"action": "export_masked_csv", "_selected_action": [case.pk]})
    text = response.content.decode("utf-8-sig")
    assert case.case_number in text and "王○明" in text and "王小明" not in text and VALID_ID not in text
    # The file leaves the portal: who took which records out is in the read log.
    assert list(PersonalDataRead.objects.values_list("object_id", "page", "viewer")) == [
        (str(case.pk), PersonalDataPage.EXPORT, dispute_clerk.pk)]


def test_fund_applications_export_masked_too(client, dispute_clerk):
    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applicant_personal_id=VALID_ID,
        applied_on=datetime(2020, 3, 1).date(),
    )
    client.force_login(dispute_clerk)
    response = client.post(reverse("admin:disputes_rightsfundapplication_changelist"),
                           {"action": "export_masked_csv", "_selected_action": [application.pk]})
    text = response.content.decode("utf-8-sig")
    assert "王○明" in text and "王小明" not in text and "不當勞動行為裁決" in text
