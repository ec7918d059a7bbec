"""The change history in the back office says what changed in the clerk's words: field labels, choice labels,
是/否, dates as the language writes them, related records by name; in English when the page is in English."""

from datetime import date

import pytest
from django.urls import reverse

from disputes.models import (
    DisputeCategory,
    DisputeStatus,
    FundDecision,
    FundKind,
    MediationChannel,
    RightsFundApplication,
)
from labor_portal.cases.models import PersonalDataPage, PersonalDataRead
from tests.disputes.factories import file_case
from unions.models import Union, UnionType

pytestmark = pytest.mark.django_db

ARROW = "&nbsp;&rarr;&nbsp;"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # a filed case keeps its attachment there


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")


def _history(client, record, **headers):
    opts = record._meta
    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]), **headers)
    assert response.status_code == 200
    return response.text


def _regraded_case():
    case = file_case(category=DisputeCategory.WAGES).case
    case.status, case.channel, case.assigned_on = DisputeStatus.ASSIGNED, MediationChannel.MEDIATOR, date(2020, 3, 5)
    case.categories = [DisputeCategory.CONTRACT, DisputeCategory.WAGES]
    case.save()
    return case


def _decided_application(case=None):
    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applied_on=date(2020, 3, 1),
        lawyer_fee_asked=10000)
    application.registered_in_kaohsiung = True
    application.decision, application.decided_on = FundDecision.APPROVED, date(2020, 4, 1)
    application.dispute_case = case
    application.save()
    return application


def test_a_cases_history_names_fields_and_choices_by_their_labels(client, dispute_clerk):
    case = _regraded_case()
    client.force_login(dispute_clerk)
    page = _history(client, case)
    assert f"<strong>處理狀態：</strong>已受理{ARROW}已分案" in page
    assert f"<strong>處理方式：</strong>—{ARROW}主管機關調解人" in page
    assert f"<strong>分案日期：</strong>—{ARROW}2020年3月5日" in page
    # A JSON list of codes reads as the labels of the admin form's checkboxes.
    assert f"<strong>爭議類別：</strong>工資爭議{ARROW}契約爭議、工資爭議" in page
    assert "received" not in page and "mediator" not in page and "2020-03-05" not in page
    assert "變更內容" in page and "修改" in page


def test_booleans_dates_choices_and_related_records_read_as_words(client, dispute_clerk):
    case = file_case().case
    application = _decided_application(case)
    client.force_login(dispute_clerk)
    page = _history(client, application)
    assert f"<strong>設籍（會址）本市：</strong>否{ARROW}是" in page
    assert f"<strong>審核結果：</strong>審核中{ARROW}通過" in page
    assert f"<strong>審核日期：</strong>—{ARROW}2020年4月1日" in page
    assert f"<strong>勞資爭議調解案件：</strong>—{ARROW}{case.case_number}" in page
    assert "True" not in page and "approved" not in page


def test_the_history_is_in_english_when_the_page_is(client, dispute_clerk):
    application = _decided_application()
    client.force_login(dispute_clerk)
    page = _history(client, application, HTTP_ACCEPT_LANGUAGE="en")
    assert f"No{ARROW}Yes" in page
    assert f"—{ARROW}April 1, 2020" in page
    assert "<th scope=\"col\">Changes</th>" in page and "Change history of" in page
    assert "否" not in page and "2020年4月1日" not in page


def test_every_section_with_history_shows_it_labelled(client, make_staff):
    union = Union.objects.create(name="示範產業工會", union_type=UnionType.INDUSTRIAL, registration_number="高市字第1號",
                                 district="lingya", founded_on=date(2010, 1, 5))
    union.union_type, union.founded_on = UnionType.CRAFT, date(2011, 2, 3)
    union.save()
    client.force_login(make_staff("unions"))
    page = _history(client, union)
    assert f"<strong>工會類型：</strong>{UnionType.INDUSTRIAL.label}{ARROW}{UnionType.CRAFT.label}" in page
    assert f"<strong>成立日期：</strong>2010年1月5日{ARROW}2011年2月3日" in page


def test_the_labelled_history_is_still_a_logged_read(client, dispute_clerk):
    case = _regraded_case()
    client.force_login(dispute_clerk)
    _history(client, case)
    assert list(PersonalDataRead.objects.values_list("object_id", "page")) == [
        (str(case.pk), PersonalDataPage.HISTORY)]


def test_a_past_version_is_offered_in_the_clerks_words_and_logged(client, dispute_clerk):
    case = _regraded_case()
    first = case.history.earliest("history_date")
    client.force_login(dispute_clerk)
    page = client.get(reverse("admin:disputes_disputecase_simple_history", args=[case.pk, first.history_id])).text
    assert f"回復{case.case_number}的歷史版本" in page
    assert 'value="回復為此版本"' in page and 'value="Revert"' not in page
    assert PersonalDataRead.objects.get().page == PersonalDataPage.HISTORY_VERSION
