"""Staff side of the welfare section: the workbench's queues, grading and approving through the admin, personal
data masked in lists and logged when read in full, and the API."""

from datetime import date

import pytest
from django.utils import timezone

from labor_portal.cases.models import PersonalDataRead
from labor_portal.core.sections import section
from welfare import services
from welfare.models import CondolencePayment, PaymentStatus

from .factories import condolence_case

pytestmark = pytest.mark.django_db


def test_the_workbench_counts_payments_awaiting_approval_and_those_to_pay(make_staff):
    clerk = make_staff("welfare")
    case = condolence_case()
    first = services.condolence_payment_grant(case=case, graded_on=date(2020, 1, 5), grade=12, user=clerk)
    services.condolence_payment_grant(case=condolence_case(2), graded_on=date(2020, 1, 9), grade=3, user=clerk)
    services.condolence_payment_approve(payment=first, user=make_staff("welfare", "head"), on=date(2020, 1, 7))
    rows = section("welfare").queues(clerk, timezone.localdate()).count(timezone.localdate())
    counts = {str(row["title"]): row["count"] for row in rows}
    assert counts == {"慰問金待核准": 1, "慰問金已核准待撥款": 1, "我登錄、待他人核准的慰問金": 1}
    assert rows[0]["due"] == date(2020, 1, 9)


def test_a_clerk_grades_in_the_admin_and_a_regrading_is_granted_the_difference(client, make_staff):
    clerk = make_staff("welfare")
    client.force_login(clerk)
    case = condolence_case()
    form = {"case": case.pk, "category": 1, "grade": 13, "graded_on": "2020-02-01"}
    assert client.post("/admin/welfare/condolencepayment/add/", form).status_code == 302
    regrade = {"case": case.pk, "category": 2, "grade": 7, "graded_on": "2020-04-01"}
    assert client.post("/admin/welfare/condolencepayment/add/", regrade).status_code == 302
    assert list(CondolencePayment.objects.order_by("graded_on").values_list("amount", flat=True)) == [10_000, 10_000]
    # The same band again is refused with the reason, and nothing is written.
    response = client.post("/admin/welfare/condolencepayment/add/", {**regrade, "graded_on": "2020-05-01"})
    assert response.status_code == 200 and "較高級距" in response.content.decode()
    assert CondolencePayment.objects.count() == 2


def test_another_clerk_approves_from_the_list_and_the_payment_is_made(client, make_staff):
    clerk, head = make_staff("welfare"), make_staff("welfare", "head")
    payment = services.condolence_payment_grant(case=condolence_case(), graded_on=date(2020, 2, 1), grade=4,
                                                user=clerk)
    client.force_login(head)
    client.post("/admin/welfare/condolencepayment/", {"action": "approve", "_selected_action": [payment.pk]})
    client.post("/admin/welfare/condolencepayment/", {"action": "pay_today", "_selected_action": [payment.pk]})
    payment.refresh_from_db()
    assert (payment.status, payment.approved_by) == (PaymentStatus.PAID, head)


def test_names_are_masked_in_the_list_and_a_full_read_is_logged(client, make_staff):
    clerk = make_staff("welfare")
    client.force_login(clerk)
    case = condolence_case()
    listing = client.get("/admin/welfare/condolencecase/").content.decode()
    assert case.worker_name not in listing and case.personal_id not in listing
    page = client.get(f"/admin/welfare/condolencecase/{case.pk}/change/").content.decode()
    assert case.personal_id in page
    assert PersonalDataRead.objects.filter(object_id=str(case.pk), viewer=clerk).exists()


def test_the_api_masks_workers_and_is_for_the_welfare_section_only(client, make_staff):
    case = condolence_case()
    client.force_login(make_staff("welfare"))
    rows = client.get("/api/v1/welfare/condolence-cases/").json()["results"]
    assert [row["id"] for row in rows] == [case.pk] and rows[0]["personal_id"] != case.personal_id
    client.force_login(make_staff("museum"))
    assert client.get("/api/v1/welfare/condolence-cases/").status_code == 403
