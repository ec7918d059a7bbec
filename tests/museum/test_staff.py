"""Staff side of the museum: bookings to confirm on the workbench, confirmation and attendance from the admin
list (the group's visitors join the day's count), contacts masked, and the API."""

import pytest
from django.utils import timezone

from labor_portal.core.sections import section
from museum.models import BookingStatus, VisitorCount, VisitorKind

from .factories import book, slot

pytestmark = pytest.mark.django_db


def test_the_workbench_shows_bookings_to_confirm_with_the_earliest_visit_day(make_staff):
    staff = make_staff("museum")
    visit = slot()
    book(visit, 20, n=1)
    book(visit, 50, n=2, waitlist_ok=True)
    rows = section("museum").queues(staff, timezone.localdate()).count(timezone.localdate())
    counts = {str(row["title"]): row["count"] for row in rows}
    assert counts == {"待確認的團體導覽預約": 1, "今日到館的團體": 0, "候補中的預約": 1}
    assert rows[0]["due"] == visit.day and not rows[0]["overdue"]


def test_staff_confirm_and_record_attendance_from_the_list(client, make_staff):
    client.force_login(make_staff("museum"))
    visit = slot()
    booking = book(visit, 25)
    listing = client.get("/admin/museum/groupvisitbooking/").content.decode()
    assert booking.contact_name not in listing
    client.post("/admin/museum/groupvisitbooking/", {"action": "confirm", "_selected_action": [booking.pk]})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    client.post("/admin/museum/groupvisitbooking/", {"action": "attended_as_booked", "_selected_action": [booking.pk]})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED
    assert VisitorCount.objects.get(day=visit.day, kind=VisitorKind.BOOKED_GROUP).visitors == 25


def test_the_api_lists_bookings_with_contacts_masked(client, make_staff):
    booking = book(slot(), 12)
    client.force_login(make_staff("museum"))
    rows = client.get("/api/v1/museum/bookings/").json()["results"]
    assert [row["case_number"] for row in rows] == [booking.case_number]
    assert rows[0]["contact_name"] != booking.contact_name
    client.force_login(make_staff("welfare"))
    assert client.get("/api/v1/museum/bookings/").status_code == 403
