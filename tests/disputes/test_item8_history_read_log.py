"""Issue 8 item 8: every admin page that shows a case or a fund application in full is in the read log."""

from datetime import date

import pytest
from django.urls import reverse

from disputes.models import FundKind, RightsFundApplication
from labor_portal.cases.models import PersonalDataPage
from labor_portal.cases.models import PersonalDataRead as PersonalDataView

from .factories import VALID_ID, file_case

pytestmark = pytest.mark.django_db

OTHER_ID = "B123456780"


def _fund_application():
    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applicant_personal_id=VALID_ID,
        applied_on=date(2020, 3, 1), lawyer_fee_asked=10000,
    )
    # A corrected ID: the history list then prints the old and the new number in full.
    application.applicant_personal_id = OTHER_ID
    application.save()
    return application


def _case():
    case = file_case().case
    case.respondent_representative = "林代表"
    case.save()
    return case


RECORDS = {
    "fund_application": (_fund_application, "rightsfundapplication"),
    "case": (_case, "disputecase"),
}


def _url(model_name: str, view: str, record, *extra) -> str:
    return reverse(f"admin:disputes_{model_name}_{view}", args=[record.pk, *extra])


def _only_log(viewer):
    log = PersonalDataView.objects.get()
    assert log.viewer == viewer and log.ip_address == "127.0.0.1"
    return log


@pytest.mark.parametrize("kind", RECORDS)
def test_item8_history_list_is_logged(client, dispute_clerk, kind):
    make, model_name = RECORDS[kind]
    record = make()
    client.force_login(dispute_clerk)
    response = client.get(_url(model_name, "history", record))
    assert response.status_code == 200
    if kind == "fund_application":
        assert VALID_ID in response.text and OTHER_ID in response.text  # what made it personal data
    log = _only_log(dispute_clerk)
    assert (log.record, log.page) == (record, PersonalDataPage.HISTORY)


@pytest.mark.parametrize("kind", RECORDS)
def test_item8_one_historical_version_viewed_or_reverted_is_logged(client, dispute_clerk, kind):
    make, model_name = RECORDS[kind]
    record = make()
    first = record.history.earliest("history_date")
    client.force_login(dispute_clerk)
    response = client.get(_url(model_name, "simple_history", record, first.history_id))
    assert response.status_code == 200
    if kind == "fund_application":
        assert VALID_ID in response.text
    log = _only_log(dispute_clerk)
    assert (log.record, log.page) == (record, PersonalDataPage.HISTORY_VERSION)


@pytest.mark.parametrize("kind", RECORDS)
def test_item8_delete_confirmation_is_logged(client, make_staff, kind):
    make, model_name = RECORDS[kind]
    record = make()
    administrator = make_staff("administrators")  # a section clerk may not delete; 系統管理 may
    client.force_login(administrator)
    response = client.get(_url(model_name, "delete", record))
    assert response.status_code == 200
    if kind == "case":
        assert "王小明" in response.text  # the applicants are listed among what would be deleted
    log = _only_log(administrator)
    assert (log.record, log.page) == (record, PersonalDataPage.DELETE)


@pytest.mark.parametrize("kind", RECORDS)
def test_item8_change_page_log_names_its_page(client, dispute_clerk, kind):
    make, model_name = RECORDS[kind]
    record = make()
    client.force_login(dispute_clerk)
    assert client.get(_url(model_name, "change", record)).status_code == 200
    assert _only_log(dispute_clerk).page == PersonalDataPage.CHANGE


def test_item8_history_of_a_deleted_record_is_not_shown_unlogged(client, make_staff):
    application = _fund_application()
    version = application.history.earliest("history_date")
    pk = application.pk
    application.delete()
    client.force_login(make_staff("administrators"))
    assert client.get(reverse("admin:disputes_rightsfundapplication_history", args=[pk])).status_code == 403
    url = reverse("admin:disputes_rightsfundapplication_simple_history", args=[pk, version.history_id])
    response = client.get(url)
    assert response.status_code == 403 and VALID_ID not in response.text
    assert PersonalDataView.objects.count() == 0


@pytest.mark.parametrize("kind", RECORDS)
def test_item8_no_bulk_delete_listing_personal_data_unlogged(client, make_staff, kind):
    _make, model_name = RECORDS[kind]
    client.force_login(make_staff("administrators"))
    response = client.get(reverse(f"admin:disputes_{model_name}_changelist"))
    assert response.status_code == 200
    assert 'value="delete_selected"' not in response.text
