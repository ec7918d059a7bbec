"""A worker files a complaint in their language, gets a number and code, tracks it and hears of each step."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from labor_portal.core.sections import section
from migrant_workers import services
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus

from .factories import file_complaint

pytestmark = pytest.mark.django_db


def _in(client, language):
    client.cookies["django_language"] = language


def test_a_worker_files_in_vietnamese_and_tracks_the_case(client, django_capture_on_commit_callbacks):
    _in(client, "vi")
    with django_capture_on_commit_callbacks(execute=True):
        page = file_complaint(client).content.decode()
    case = MigrantComplaint.objects.get()
    assert re.fullmatch(r"\d{3}-W-\d{6}", case.case_number) and case.case_number in page
    assert case.language == "vi" and not case.urgent
    code = re.search(r'id="access-code">([^<]+)<', page)[1]
    response = client.post(reverse("track"), {"case_number": case.case_number, "access_code": code})
    assert response.status_code == 302
    case_page = client.get(response["Location"]).content.decode()
    assert '<html lang="vi">' in case_page and case.case_number in case_page
    # The confirmation, in Vietnamese.
    assert len(mail.outbox) == 1 and case.case_number in mail.outbox[0].subject
    assert "Bạn" in mail.outbox[0].body or "đã" in mail.outbox[0].body


def test_an_emergency_is_urgent_at_once_on_the_workbench(client, make_staff):
    file_complaint(client, topic="emergency")
    file_complaint(client, topic="overtime", urgent="on")
    file_complaint(client, topic="broker_fees")
    assert list(MigrantComplaint.objects.order_by("urgent").values_list("urgent", flat=True)) == [False, True, True]
    clerk = make_staff("migrant_workers")
    from datetime import date

    rows = [row for bench in section("migrant_workers").workbenches(clerk, date.today()) for row in bench.count(date.today())]
    assert rows[0]["urgent"] and rows[0]["count"] == 2
    assert rows[1]["count"] == 3


def test_status_messages_go_in_the_language_of_the_filing(client, django_capture_on_commit_callbacks):
    _in(client, "th")
    file_complaint(client)
    case = MigrantComplaint.objects.get()
    mail.outbox.clear()
    with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):
        services.complaint_advance(case=case, to_state=MigrantComplaintStatus.ASSIGNED)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert case.case_number in body and re.search(r"[\u0E00-\u0E7F]", body)  # Thai script


def test_a_missing_field_gets_a_message_in_the_workers_language(client):
    _in(client, "id")
    from .factories import complaint_data, issued_token

    response = client.post(reverse("migrant_workers:complain"), complaint_data(issued_token(client), phone=""))
    assert response.status_code == 400 or response.status_code == 200
    assert MigrantComplaint.objects.count() == 0
    assert "Harap isi nomor telepon" in response.content.decode()
