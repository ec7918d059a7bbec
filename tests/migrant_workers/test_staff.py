"""Clerks of 外勞科: Excel import of notifications (deadline and late flag computed), the API, masked lists."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from migrant_workers.models import StatusNotification

pytestmark = pytest.mark.django_db

HEADERS = ["通報編號", "通報類別", "事實發生日", "通報日期", "處理日期", "雇主名稱", "外國人姓名", "護照號碼", "國籍"]


def _xlsx(rows, headers=HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("n.xlsx", buffer.getvalue())


@pytest.fixture
def clerk(make_staff):
    return make_staff("migrant_workers")


def test_notifications_are_imported_with_their_deadline_and_late_flag(client, clerk):
    client.force_login(clerk)
    rows = [
        ["N1", "逃逸報備", "2020-03-04", "2020-03-09", "2020-03-09", "示範雇主", "NGUYEN VAN A", "C1234567", "越南"],
        ["N2", "入國通報", "2020-01-20", "2020-01-31", "2020-01-31", "示範雇主", "SITI AMINAH", "B7654321", "印尼"],
    ]
    response = client.post(reverse("admin:migrant_workers_statusnotification_import"), {"file": _xlsx(rows)})
    assert response.status_code == 302, response.content.decode()[:3000]
    first, second = StatusNotification.objects.order_by("reference")
    assert (first.deadline_on, first.filed_late) == (date(2020, 3, 9), False)
    assert (second.deadline_on, second.filed_late) == (date(2020, 1, 30), True)  # after the New Year holidays
    # Re-uploaded with a corrected event date: updated, and its deadline with it.
    rows[0][2] = "2020-03-02"
    assert client.post(reverse("admin:migrant_workers_statusnotification_import"),
                       {"file": _xlsx(rows)}).status_code == 302
    first.refresh_from_db()
    assert (first.deadline_on, first.filed_late) == (date(2020, 3, 5), True)
    assert StatusNotification.objects.count() == 2


def test_the_list_and_the_api_mask_the_worker(client, clerk):
    StatusNotification.objects.create(
        reference="N9", kind="abscond", event_on=date(2020, 3, 4), filed_on=date(2020, 3, 10),
        processed_on=date(2020, 3, 10), employer_name="示範雇主", worker_name="NGUYEN VAN AN",
        passport_number="C1234567", nationality="VN")
    client.force_login(clerk)
    listing = client.get(reverse("admin:migrant_workers_statusnotification_changelist"), {"filed_late__exact": "1"})
    assert listing.status_code == 200 and "NGUYEN VAN AN" not in listing.content.decode()
    body = client.get("/api/v1/migrant_workers/status-notifications/", {"filed_late": "true"}).json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["filed_late"] is True and row["deadline_on"] == "2020-03-09"
    assert "NGUYEN VAN AN" not in str(body) and "C1234567" not in str(body)


def test_other_sections_cannot_read_the_section(client, make_staff):
    client.force_login(make_staff("disputes"))
    assert client.get("/api/v1/migrant_workers/complaints/").status_code == 403
