"""A clerk moves a worker's complaint on in the admin: logged, and the worker is told in their language."""

import pytest
from django.core import mail
from django.urls import reverse

from migrant_workers import services
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus

pytestmark = pytest.mark.django_db


def test_a_status_change_in_the_admin_is_logged_and_told_in_the_filing_language(
        client, make_staff, django_capture_on_commit_callbacks):
    from django.utils import translation

    with translation.override("id"):
        case = services.complaint_file(fields={
            "topic": "unpaid_wages", "worker_name": "SITI AMINAH", "nationality": "ID", "passport_number": "B7654321",
            "phone": "0912345678", "email": "siti@example.com", "employer_name": "示範雇主", "workplace_address": "",
            "account": "Gaji belum dibayar.",
        }).case
    clerk = make_staff("migrant_workers")
    client.force_login(clerk)
    url = reverse("admin:migrant_workers_migrantcomplaint_change", args=[case.pk])
    page = client.get(url)
    assert page.status_code == 200 and "SITI AMINAH" in page.content.decode()  # in full on its own page
    change = case.state_changes.get()
    data = {
        "status": MigrantComplaintStatus.SHELTERED, "topic": case.topic, "worker_name": case.worker_name,
        "nationality": case.nationality, "passport_number": case.passport_number, "phone": case.phone,
        "email": case.email, "employer_name": case.employer_name, "workplace_address": "", "account": case.account,
        "handler": "", "state_changes-TOTAL_FORMS": "1", "state_changes-INITIAL_FORMS": "1",
        "state_changes-MIN_NUM_FORMS": "0", "state_changes-MAX_NUM_FORMS": "1000",
        "state_changes-0-id": str(change.pk), "state_changes-0-case": str(case.pk),
        "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == MigrantComplaintStatus.SHELTERED
    assert list(case.state_changes.values_list("to_state", flat=True)) == ["received", "sheltered"]
    assert len(mail.outbox) == 1 and "penampungan darurat" in mail.outbox[0].body
    listing = client.get(reverse("admin:migrant_workers_migrantcomplaint_changelist")).content.decode()
    assert case.case_number in listing and "SITI AMINAH" not in listing
    assert MigrantComplaint.objects.count() == 1
