"""Dispute staff work in the admin: masked lists, full data on the case page (logged), paper cases."""

from datetime import date

import pytest
from django.urls import reverse

from disputes.models import DisputeCase, DisputeStatus, Reopening
from labor_portal.cases.models import PersonalDataRead as PersonalDataView

from .factories import VALID_ID, concluded_case, file_case

pytestmark = pytest.mark.django_db


def _change_url(case):
    return reverse("admin:disputes_disputecase_change", args=[case.pk])


def test_the_case_list_masks_personal_data_in_bounded_queries(client, dispute_clerk, django_assert_max_num_queries):
    for n in range(12):
        file_case(token=f"list-token-{n:020d}")
    client.force_login(dispute_clerk)
    # 13: the page's own queries do not grow with the cases; three of them renew the session's idle expiry.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("admin:disputes_disputecase_changelist"))
    assert response.status_code == 200
    assert "王○明" in response.text and "A12****789" in response.text
    assert "王小明" not in response.text and VALID_ID not in response.text
    assert PersonalDataView.objects.count() == 0


def test_the_queue_lists_only_new_applications(client, dispute_clerk):
    new = file_case(token="queue-token-0000000000001").case
    assigned = concluded_case()
    client.force_login(dispute_clerk)
    html = client.get(reverse("admin:disputes_disputecase_changelist") + "?queue=new").text
    assert new.case_number in html and assigned.case_number not in html


def test_the_case_page_shows_full_data_and_logs_who_saw_it(client, dispute_clerk):
    case = file_case().case
    client.force_login(dispute_clerk)
    response = client.get(_change_url(case))
    assert response.status_code == 200
    assert "王小明" in response.text and VALID_ID in response.text
    log = PersonalDataView.objects.get()
    assert (log.viewer, log.record) == (dispute_clerk, case)


def test_the_masked_export(client, dispute_clerk):
    file_case()
    client.force_login(dispute_clerk)
    response = client.post(reverse("admin:disputes_disputecase_changelist"), {
        "action": "export_masked_csv", "_selected_action": [str(DisputeCase.objects.get().pk)]})
    text = response.content.decode("utf-8-sig")
    assert "王○明" in text and "A12****789" in text and "王小明" not in text


def test_officials_see_no_case_and_no_personal_data(client, official):
    case = file_case().case
    client.force_login(official)
    assert client.get(reverse("admin:disputes_disputecase_changelist")).status_code == 403
    assert client.get(_change_url(case)).status_code == 403
    assert client.get("/api/v1/disputes/cases/").status_code == 403
    assert client.get("/api/v1/disputes/rights-fund-applications/").status_code == 403
    assert PersonalDataView.objects.count() == 0


def _form(case, **overrides):
    """The case's change form as the admin posts it (no inline rows changed unless given)."""
    data = {
        "filed_via": case.filed_via, "filed_on": case.filed_on.isoformat(), "main_category": case.main_category,
        "categories": ["wages"], "account": case.account, "respondent_name": case.respondent_name,
        "respondent_business_number": case.respondent_business_number, "status": case.status,
        "channel": case.channel, "mediation_body": case.mediation_body,
        "assigned_on": case.assigned_on.isoformat() if case.assigned_on else "",
        "concluded_on": case.concluded_on.isoformat() if case.concluded_on else "",
        "settled_amount": case.settled_amount or "", "staff_notes": "", "reopen_reason": "",
    }
    for prefix, count in (("applicants", case.applicants.count()), ("claims", case.claims.count()),
                          ("sessions", case.sessions.count()), ("attachments", case.attachments.count()),
                          ("reopenings", case.reopenings.count())):
        data.update({f"{prefix}-TOTAL_FORMS": count, f"{prefix}-INITIAL_FORMS": count,
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
    for n, a in enumerate(case.applicants.all()):
        data.update({f"applicants-{n}-id": a.pk, f"applicants-{n}-case": case.pk, f"applicants-{n}-kind": a.kind,
                     f"applicants-{n}-name": a.name, f"applicants-{n}-personal_id": a.personal_id,
                     f"applicants-{n}-birth_date": a.birth_date.isoformat(), f"applicants-{n}-phone": a.phone,
                     f"applicants-{n}-email": a.email, f"applicants-{n}-address": a.address})
    for n, c in enumerate(case.claims.all()):
        data.update({f"claims-{n}-id": c.pk, f"claims-{n}-case": case.pk, f"claims-{n}-item": c.item,
                     f"claims-{n}-amount": c.amount})
    for n, s in enumerate(case.sessions.all()):
        data.update({f"sessions-{n}-id": s.pk, f"sessions-{n}-case": case.pk, f"sessions-{n}-held_on": s.held_on,
                     f"sessions-{n}-place": s.place, f"sessions-{n}-attendees": s.attendees})
    for n, r in enumerate(case.reopenings.all()):
        data.update({f"reopenings-{n}-id": r.pk, f"reopenings-{n}-case": case.pk})
    data.update(overrides)
    return data


def test_staff_assign_schedule_and_settle_in_one_form(client, dispute_clerk):
    case = file_case().case
    client.force_login(dispute_clerk)
    response = client.post(_change_url(case), _form(
        case, status="settled", channel="committee", mediation_body="調解委員會", assigned_on="2020-03-04",
        concluded_on="2020-03-30", settled_amount="40000",
        **{"sessions-TOTAL_FORMS": 1, "sessions-0-held_on": "2020-03-30", "sessions-0-place": "第一調解室",
           "sessions-0-case": case.pk},
    ))
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert (case.status, case.settled_amount, case.sessions.count()) == (DisputeStatus.SETTLED, 40000, 1)


def test_the_admin_refuses_an_outcome_without_a_session(client, dispute_clerk):
    case = file_case().case
    client.force_login(dispute_clerk)
    response = client.post(_change_url(case), _form(case, status="not_settled", channel="mediator",
                                                    concluded_on="2020-03-30"))
    assert response.status_code == 200 and "尚未召開調解會議" in response.text
    case.refresh_from_db()
    assert case.status == DisputeStatus.RECEIVED


def test_the_admin_reopens_a_concluded_case_only_with_a_reason(client, dispute_clerk):
    case = concluded_case(outcome=DisputeStatus.NOT_SETTLED)
    client.force_login(dispute_clerk)
    response = client.post(_change_url(case), _form(case, status="scheduled"))
    assert response.status_code == 200 and "須說明理由" in response.text
    response = client.post(_change_url(case), _form(case, status="scheduled", reopen_reason="對造請求再開調解會議"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.concluded_on) == (DisputeStatus.SCHEDULED, None)
    assert Reopening.objects.get().reason == "對造請求再開調解會議"


def test_staff_enter_a_paper_case_and_get_its_access_code(client, dispute_clerk):
    client.force_login(dispute_clerk)
    data = {
        "filed_via": "paper", "filed_on": "2020-05-04", "main_category": "occupational_injury",
        "categories": ["occupational_injury"], "account": "紙本申請", "respondent_name": "示範工程行",
        "respondent_business_number": "", "status": "received", "channel": "", "mediation_body": "",
        "assigned_on": "", "concluded_on": "", "settled_amount": "", "staff_notes": "", "reopen_reason": "",
        "applicants-TOTAL_FORMS": 1, "applicants-INITIAL_FORMS": 0, "applicants-MIN_NUM_FORMS": 1,
        "applicants-MAX_NUM_FORMS": 1000, "applicants-0-kind": "worker", "applicants-0-name": "林大同",
        "applicants-0-personal_id": VALID_ID, "applicants-0-birth_date": "1970-01-01",
        "applicants-0-phone": "07-1234567", "applicants-0-address": "高雄市鳳山區",
    }
    for prefix in ("claims", "sessions", "attachments", "reopenings"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 0,
                     f"{prefix}-MAX_NUM_FORMS": 1000})
    response = client.post(reverse("admin:disputes_disputecase_add"), data, follow=True)
    case = DisputeCase.objects.get()
    assert case.case_number == "109-D-000001" and case.filed_on == date(2020, 5, 4)
    assert "查詢碼" in response.text


def test_opening_a_fund_application_in_full_is_logged(client, dispute_clerk):
    from datetime import date

    from disputes.models import FundKind, RightsFundApplication

    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applicant_personal_id="A123456789",
        applied_on=date(2020, 3, 1), lawyer_fee_asked=10000,
    )
    client.force_login(dispute_clerk)
    listing = client.get(reverse("admin:disputes_rightsfundapplication_changelist"))
    assert "王○明" in listing.text and "A123456789" not in listing.text
    assert PersonalDataView.objects.count() == 0
    page = client.get(reverse("admin:disputes_rightsfundapplication_change", args=[application.pk]))
    assert "A123456789" in page.text
    log = PersonalDataView.objects.get()
    assert (log.record, log.viewer, log.section) == (application, dispute_clerk, "disputes")
