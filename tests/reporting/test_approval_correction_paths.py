"""Every way the admin changes records asks for a reason when they belong to an approved half-year, not only
the change form: Excel imports, inline rows, the delete page and the bulk delete action."""

from datetime import date

import pytest
from django.urls import reverse

from disability_services.demo import personal_id
from disability_services.models import Client, Entrepreneur, EntrepreneurRevenue
from labor_portal.reporting.models import PeriodCorrection
from tests.module_records import records_for_the_module
from tests.reporting import approval_support
from tests.reporting.approval_support import publish, report_staff
from tests.spreadsheets import xlsx_upload
from tests.unions.factories import StatutoryMeetingFactory
from welfare.imports import CaseContactImport
from welfare.models import CaseContact, ContactKind, InjuredWorkerCase

private_media = approval_support.private_media  # fixture

IMPORT = reverse("admin:welfare_casecontact_import")
CHANGELIST = reverse("admin:welfare_casecontact_changelist")


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def published(django_db_setup, django_db_blocker, private_media):
    """2020H1 approved, once for the module."""
    with records_for_the_module(django_db_blocker):
        yield publish(*report_staff(), "2020H1")


@pytest.fixture
def clerk(client, make_staff):
    user = make_staff("welfare")
    client.force_login(user)
    return user


@pytest.fixture
def case(db):
    return InjuredWorkerCase.objects.create(worker_name="測試勞工", opened_on=date(2019, 12, 2))


def _contact(case, day: date, reference: str | None = None) -> CaseContact:
    return CaseContact.objects.create(case=case, contacted_on=day, kind=ContactKind.PROACTIVE, reference=reference)


def _corrections() -> list[tuple]:
    return sorted(PeriodCorrection.objects.values_list("period", "record_type", "record_id", "reason"))


# --- Excel import -------------------------------------------------------------------------------------------

def _upload(case, reason: str | None = None):
    rows = [["C109-000001", case.pk, date(2020, 3, 2), "主動關懷", ""],   # new, in 2020H1
            ["C109-000002", case.pk, date(2020, 9, 2), "訪視", ""],       # new, in 2020H2: not published
            ["C109-000003", case.pk, date(2020, 10, 1), "諮詢", ""]]      # moved out of 2020H1
    data = {"file": xlsx_upload(CaseContactImport().headers, rows)}
    if reason is not None:
        data["correction_reason"] = reason
    return data


def test_an_import_touching_an_approved_half_year_is_refused_without_a_reason(published, clerk, client, case):
    moved = _contact(case, date(2020, 5, 5), "C109-000003")
    assert 'name="correction_reason"' in client.get(IMPORT).text
    refused = client.post(IMPORT, _upload(case))
    assert refused.status_code == 200
    assert "第 2、4 列的資料屬已核定公布的期間（109年1月至6月），請填寫更正原因後再匯入" in refused.text
    assert list(CaseContact.objects.all()) == [moved] and not PeriodCorrection.objects.exists()
    moved.refresh_from_db()
    assert moved.contacted_on == date(2020, 5, 5)


def test_an_import_with_a_reason_records_a_correction_per_record_of_the_half_year(published, clerk, client, case):
    moved = _contact(case, date(2020, 5, 5), "C109-000003")
    assert client.post(IMPORT, _upload(case, "補登漏列紀錄")).status_code == 302
    added = CaseContact.objects.get(reference="C109-000001")
    assert _corrections() == sorted([("2020H1", "welfare.casecontact", str(added.pk), "補登漏列紀錄"),
                                     ("2020H1", "welfare.casecontact", str(moved.pk), "補登漏列紀錄")])
    assert added.history.first().history_change_reason == "補登漏列紀錄"
    assert moved.history.first().history_change_reason == "補登漏列紀錄"
    assert CaseContact.objects.get(reference="C109-000002").history.first().history_change_reason is None


def test_an_import_outside_approved_half_years_needs_no_reason(published, clerk, client, case):
    rows = [["C109-000009", case.pk, date(2020, 9, 2), "訪視", ""]]
    assert client.post(IMPORT, {"file": xlsx_upload(CaseContactImport().headers, rows)}).status_code == 302
    assert not PeriodCorrection.objects.exists()


# --- inline rows: the parent form's reason covers them ------------------------------------------------------

def _case_form(case, contacts: list[CaseContact], new_rows: list[dict], reason: str | None = None, **deleted):
    data = {"worker_name": case.worker_name, "opened_on": case.opened_on.isoformat(),
            "contacts-TOTAL_FORMS": str(len(contacts) + len(new_rows)),
            "contacts-INITIAL_FORMS": str(len(contacts)), "contacts-MIN_NUM_FORMS": "0",
            "contacts-MAX_NUM_FORMS": "1000"}
    rows = [{"id": c.pk, "reference": c.reference or "", "contacted_on": c.contacted_on.isoformat(), "kind": c.kind,
             "note": c.note, "case": case.pk} for c in contacts] + new_rows
    for index, row in enumerate(rows):
        data.update({f"contacts-{index}-{name}": value for name, value in row.items()})
        if deleted.get("delete") is not None and index == deleted["delete"]:
            data[f"contacts-{index}-DELETE"] = "on"
    if reason is not None:
        data["correction_reason"] = reason
    return data


def test_an_inline_row_of_an_approved_half_year_needs_the_parents_reason(published, clerk, client, case):
    url = reverse("admin:welfare_injuredworkercase_change", args=[case.pk])
    # The case itself is not dated by half-year; its contacts are: the form asks on their behalf.
    assert 'name="correction_reason"' in client.get(url).text
    new_row = {"reference": "", "contacted_on": "2020-04-01", "kind": ContactKind.HOME_VISIT, "note": "", "case": case.pk}
    refused = client.post(url, _case_form(case, [], [new_row]))
    assert refused.status_code == 200 and "請填寫更正原因" in refused.text
    assert not case.contacts.exists() and not PeriodCorrection.objects.exists()

    assert client.post(url, _case_form(case, [], [new_row], reason="漏登訪視")).status_code == 302
    added = case.contacts.get()
    assert added.history.first().history_change_reason == "漏登訪視"
    assert _corrections() == [("2020H1", "welfare.casecontact", str(added.pk), "漏登訪視")]


def test_deleting_an_inline_row_of_an_approved_half_year_needs_the_reason(published, clerk, client, case):
    contact = _contact(case, date(2020, 2, 3))
    pk = contact.pk
    url = reverse("admin:welfare_injuredworkercase_change", args=[case.pk])
    assert client.post(url, _case_form(case, [contact], [], delete=0)).status_code == 200
    assert CaseContact.objects.filter(pk=pk).exists()
    assert client.post(url, _case_form(case, [contact], [], reason="重複登錄", delete=0)).status_code == 302
    assert not CaseContact.objects.filter(pk=pk).exists()
    assert _corrections() == [("2020H1", "welfare.casecontact", str(pk), "重複登錄")]
    assert CaseContact.history.filter(id=pk).first().history_change_reason == "重複登錄"


def test_unchanged_inline_rows_of_an_approved_half_year_need_no_reason(published, clerk, client, case):
    contact = _contact(case, date(2020, 2, 3))
    url = reverse("admin:welfare_injuredworkercase_change", args=[case.pk])
    assert client.post(url, _case_form(case, [contact], [])).status_code == 302
    assert not PeriodCorrection.objects.exists()


# --- deletes -------------------------------------------------------------------------------------------------

def test_the_delete_page_asks_for_a_reason_for_a_record_of_an_approved_half_year(published, clerk, client, case):
    contact = _contact(case, date(2020, 2, 3))
    pk = contact.pk
    url = reverse("admin:welfare_casecontact_delete", args=[pk])
    page = client.get(url)
    assert 'name="correction_reason"' in page.text and "109年1月至6月" in page.text
    refused = client.post(url, {"post": "yes"})
    assert refused.status_code == 200 and 'name="correction_reason"' in refused.text
    assert CaseContact.objects.filter(pk=pk).exists()

    assert client.post(url, {"post": "yes", "correction_reason": "誤建個案紀錄"}).status_code == 302
    assert not CaseContact.objects.filter(pk=pk).exists()
    assert _corrections() == [("2020H1", "welfare.casecontact", str(pk), "誤建個案紀錄")]
    assert CaseContact.history.filter(id=pk).first().history_change_reason == "誤建個案紀錄"


def test_the_delete_page_of_a_record_outside_approved_half_years_asks_nothing(published, clerk, client, case):
    contact = _contact(case, date(2020, 8, 3))
    url = reverse("admin:welfare_casecontact_delete", args=[contact.pk])
    assert 'name="correction_reason"' not in client.get(url).text
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not CaseContact.objects.exists() and not PeriodCorrection.objects.exists()


def test_the_bulk_delete_asks_for_a_reason_when_a_selected_record_is_of_an_approved_half_year(
        published, clerk, client, case):
    inside, outside = _contact(case, date(2020, 6, 30)), _contact(case, date(2020, 7, 1))
    selection = {"action": "delete_selected", "_selected_action": [inside.pk, outside.pk]}
    confirmation = client.post(CHANGELIST, selection)
    assert confirmation.status_code == 200 and 'name="correction_reason"' in confirmation.text
    refused = client.post(CHANGELIST, {**selection, "post": "yes"})
    assert refused.status_code == 200 and 'name="correction_reason"' in refused.text
    assert CaseContact.objects.count() == 2

    done = client.post(CHANGELIST, {**selection, "post": "yes", "correction_reason": "重複登錄"})
    assert done.status_code == 302 and not CaseContact.objects.exists()
    assert _corrections() == [("2020H1", "welfare.casecontact", str(inside.pk), "重複登錄")]
    assert CaseContact.history.filter(id=inside.pk).first().history_change_reason == "重複登錄"


def test_deleting_a_record_that_takes_records_of_an_approved_half_year_with_it_asks_for_a_reason(
        published, clerk, client, case):
    """The case (opened in 2019H2) is of no approved half-year, but its deletion takes its contacts with it."""
    inside, outside = _contact(case, date(2020, 2, 3)), _contact(case, date(2020, 8, 3))
    url = reverse("admin:welfare_injuredworkercase_delete", args=[case.pk])
    page = client.get(url)
    assert 'name="correction_reason"' in page.text and "109年1月至6月" in page.text
    refused = client.post(url, {"post": "yes"})
    assert refused.status_code == 200 and 'name="correction_reason"' in refused.text
    assert CaseContact.objects.count() == 2

    assert client.post(url, {"post": "yes", "correction_reason": "個案重複建立"}).status_code == 302
    assert not InjuredWorkerCase.objects.exists() and not CaseContact.objects.exists()
    assert _corrections() == [("2020H1", "welfare.casecontact", str(inside.pk), "個案重複建立")]
    reasons = {record.id: record.history_change_reason for record in CaseContact.history.filter(history_type="-")}
    assert reasons == {inside.pk: "個案重複建立", outside.pk: "個案重複建立"}


def test_the_bulk_delete_of_records_that_take_records_of_an_approved_half_year_with_them_asks_for_a_reason(
        published, client, make_staff):
    """An entrepreneur coached since 2019 is of no approved half-year; the revenue of June 2020 is."""
    client.force_login(make_staff("disability_services"))
    person = Client.objects.create(name="王小明", personal_id=personal_id(1), disability_level="mild")
    coached = Entrepreneur.objects.create(client=person, business="小明工作室", opened_on=date(2019, 9, 1))
    inside = EntrepreneurRevenue.objects.create(entrepreneur=coached, month=date(2020, 6, 1), revenue=30_000)
    selection = {"action": "delete_selected", "_selected_action": [coached.pk]}
    changelist = reverse("admin:disability_services_entrepreneur_changelist")
    refused = client.post(changelist, {**selection, "post": "yes"})
    assert refused.status_code == 200 and 'name="correction_reason"' in refused.text
    assert Entrepreneur.objects.exists()
    done = client.post(changelist, {**selection, "post": "yes", "correction_reason": "重複登記"})
    assert done.status_code == 302 and not EntrepreneurRevenue.objects.exists()
    assert _corrections() == [("2020H1", "disability_services.entrepreneurrevenue", str(inside.pk), "重複登記")]


def test_a_delete_refused_for_its_protected_records_says_so_rather_than_failing(published, client, make_staff):
    client.force_login(make_staff("unions"))
    union = StatutoryMeetingFactory(held_on=date(2020, 6, 30)).union
    page = client.get(reverse("admin:unions_union_delete", args=[union.pk]))
    assert page.status_code == 200 and "correction_reason" not in page.text


def test_the_report_page_counts_a_deletion_as_a_change_since_approval(published, official, clerk, client, case):
    contact = _contact(case, date(2020, 2, 3))
    client.post(reverse("admin:welfare_casecontact_delete", args=[contact.pk]),
                {"post": "yes", "correction_reason": "誤建"})
    client.force_login(official)
    assert "本期資料在核定後已更正 1 筆" in client.get(reverse("reports:run", args=[published.run_id])).text
