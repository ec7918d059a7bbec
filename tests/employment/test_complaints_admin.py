"""Clerks of 就業安全科 work the complaints in the admin: masked lists in bounded queries, full data on a complaint's
page (read-logged), paper complaints numbered like online ones, state changes logged, and their workbench."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from employment import services
from employment.models import ComplaintStatus, DiscriminationComplaint, HarassmentComplaint, ScamComplaint
from employment.workbench import queues
from labor_portal.cases.models import PersonalDataRead

from .complaints_helpers import VALID_ID, file_complaint, isolated  # noqa: F401

pytestmark = pytest.mark.django_db

ADMIN_NAMES = {"discrimination": "discriminationcomplaint", "harassment": "harassmentcomplaint",
               "scam": "scamcomplaint"}


@pytest.fixture
def clerk(make_staff):
    return make_staff("employment", username="employment-clerk")


@pytest.mark.parametrize("slug", ["discrimination", "harassment", "scam"])
def test_the_list_masks_personal_data_in_bounded_queries(client, clerk, slug, django_assert_max_num_queries):
    for n in range(12):
        case = file_complaint(slug, token=f"list-token-{n:020d}").case
        if n % 2:
            services.complaint_assign(case=case, handler=clerk, assigned_on=date(2024, 7, 2))
    client.force_login(clerk)
    url = reverse(f"admin:employment_{ADMIN_NAMES[slug]}_changelist")
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert response.status_code == 200
    assert "王○明" in response.text and "A12****789" in response.text
    assert "王小明" not in response.text and VALID_ID not in response.text
    assert PersonalDataRead.objects.count() == 0


def test_the_complaint_page_shows_full_data_and_logs_who_saw_it(client, clerk):
    case = file_complaint("harassment").case
    client.force_login(clerk)
    response = client.get(reverse("admin:employment_harassmentcomplaint_change", args=[case.pk]))
    assert response.status_code == 200 and "王小明" in response.text and VALID_ID in response.text
    read = PersonalDataRead.objects.get()
    assert (read.viewer, read.record, read.page, read.section) == (clerk, case, "change", "employment")


def test_the_masked_export(client, clerk):
    file_complaint("discrimination")
    client.force_login(clerk)
    response = client.post(reverse("admin:employment_discriminationcomplaint_changelist"), {
        "action": "export_masked_csv", "_selected_action": [str(DiscriminationComplaint.objects.get().pk)]})
    text = response.content.decode("utf-8-sig")
    assert "王○明" in text and "A12****789" in text and "王小明" not in text and text.rstrip().endswith("年齡")


def test_a_clerk_of_another_section_gets_403(client, make_staff):
    case = file_complaint("harassment").case
    client.force_login(make_staff("disputes", username="disputes-clerk"))
    response = client.get(reverse("admin:employment_harassmentcomplaint_change", args=[case.pk]))
    assert response.status_code == 403
    assert PersonalDataRead.objects.count() == 0


def _post_data(case, **overrides):
    data = {
        "filed_via": case.filed_via, "filed_on": case.filed_on.isoformat(),
        "complainant_name": case.complainant_name, "complainant_personal_id": case.complainant_personal_id,
        "complainant_phone": case.complainant_phone, "complainant_email": case.complainant_email,
        "complainant_address": case.complainant_address, "employer_name": case.employer_name,
        "employer_business_number": case.employer_business_number, "employer_address": "", "employer_contact": "",
        "ad_source": "", "ad_url": "", "ad_text": case.ad_text, "incident_on": "", "loss_amount": "",
        "account": case.account, "status": case.status, "handler": case.handler_id or "",
        "assigned_on": case.assigned_on.isoformat() if case.assigned_on else "",
        "investigation_due_on": "", "concluded_on": "", "state_reason": "", "staff_notes": "",
        **{f"{prefix}-{key}": value for prefix in ("attachments", "state_changes")
           for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"),
                              ("MAX_NUM_FORMS", "1000"))},
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_decision_in_the_admin_goes_through_the_state_log(client, clerk):
    case = file_complaint("scam").case
    client.force_login(clerk)
    url = reverse("admin:employment_scamcomplaint_change", args=[case.pk])
    response = client.post(url, _post_data(case, status="substantiated", concluded_on="", handler=clerk.pk))
    assert response.status_code == 200 and "請填寫結案日期" in response.text  # refused, nothing saved
    response = client.post(url, _post_data(case, status="substantiated", concluded_on="2024-08-01",
                                           handler=clerk.pk, state_reason="查證屬實，移送警方"))
    assert response.status_code == 302, response.text[:3000]
    case.refresh_from_db()
    assert case.status == ComplaintStatus.SUBSTANTIATED
    change = case.state_changes.last()
    assert (change.to_state, change.changed_on, change.changed_by, change.reason) == (
        "substantiated", date(2024, 8, 1), clerk, "查證屬實，移送警方")


def test_a_paper_complaint_gets_its_number_code_and_state_log(client, clerk):
    client.force_login(clerk)
    data = _post_data(ScamComplaint(filed_via="paper", filed_on=date(2024, 7, 5), complainant_name="林美玲",
                                    complainant_phone="0922000000", employer_name="可疑公司", account="被騙",
                                    ad_text="日領三千"), handler=None)
    response = client.post(reverse("admin:employment_scamcomplaint_add"), data, follow=True)
    assert response.status_code == 200
    case = ScamComplaint.objects.get()
    assert case.case_number == "113-S-000001" and "查詢碼" in response.text
    assert [c.to_state for c in case.state_changes.all()] == ["received"]


def test_the_workbench_counts_new_near_deadline_and_mine(clerk, django_assert_max_num_queries, make_staff):
    today = timezone.localdate()
    file_complaint("discrimination", filed_on=today)
    mine = file_complaint("discrimination", filed_on=today - timedelta(days=70)).case
    services.complaint_assign(case=mine, handler=clerk, assigned_on=today - timedelta(days=62))
    other = file_complaint("harassment", filed_on=today).case
    services.complaint_assign(case=other, handler=make_staff("employment", username="other"), assigned_on=today)
    with django_assert_max_num_queries(5):  # one aggregate per model: 3 complaint models, referrals, training classes
        rows = [row for bench in queues(clerk, today) for row in bench.count(today)]
    by_title = {row["title"]: row for row in rows}
    assert by_title["就業歧視：新進線上申訴，尚未分案"]["count"] == 1
    near = by_title["就業歧視：調查期限將屆或已逾"]
    assert near["count"] == 1 and near["due"] == mine.__class__.objects.get(pk=mine.pk).investigation_due_on
    assert near["overdue"] and near["urgent"]
    assert by_title["就業歧視：我承辦中的案件"]["count"] == 1
    assert by_title["性騷擾：我承辦中的案件"]["count"] == 0
    assert by_title["性騷擾：調查期限將屆或已逾"]["count"] == 0


def test_the_staff_home_shows_the_employment_queues(client, clerk):
    file_complaint("scam", filed_on=timezone.localdate())
    client.force_login(clerk)
    html = client.get(reverse("staff-home")).text
    assert "求職防騙：新進線上申訴，尚未分案" in html


def test_harassment_time_limits_are_edited_in_the_admin(client, make_staff):
    admin_user = make_staff("administrators", username="sysadmin")
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    html = client.get(reverse("admin:employment_harassmenttimelimit_changelist")).text
    assert "性別平等工作法第32條之1第2項第1款" in html
    assert HarassmentComplaint._meta.get_field("appears_late")
