"""Shijia Hall bookings: capacity per slot, blackout days, the waiting list promoted on cancellation, the pages
reached through /track/, and staff confirmation, payment and attendance feeding the report's figures."""

import re
import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from labor_portal.core.periods import HalfYear
from welfare import services
from welfare.models import BookingStatus, HallBlackout, HallBooking, HallFacility, HallKind, HallSlot
from welfare.reports import SHIJIA_HALL

DAY = timezone.localdate() + timedelta(days=10)


def room(capacity=12, kind=HallKind.LODGING, price=2_400):
    return HallFacility.objects.create(name=f"房間{capacity}{kind}", kind=kind, capacity=capacity, price=price)


def book(facility, people, *, slot=HallSlot.NIGHT, n=0, day=DAY, **extra):
    return services.hall_booking_file(facility=facility, use_on=day, slot=slot, people=people,
                                      booker_name=f"訂房人{n}", phone="0912000000", email=f"g{n}@example.tw",
                                      **extra).booking


@pytest.mark.django_db
def test_capacity_per_slot_blackouts_and_slots_of_the_kind():
    lodging = room(capacity=12)
    first = book(lodging, 8)
    assert first.case_number.split("-")[1] == "V" and first.fee == 2_400
    with pytest.raises(ValidationError, match="4"):
        book(lodging, 6, n=1)
    assert book(lodging, 6, n=2, waitlist_ok=True).status == BookingStatus.WAITLISTED
    with pytest.raises(ValidationError):
        book(lodging, 2, slot=HallSlot.MORNING)  # a room is let by the night
    HallBlackout.objects.create(day=DAY + timedelta(days=1), reason="檢修")
    with pytest.raises(ValidationError):
        book(lodging, 2, day=DAY + timedelta(days=1))


@pytest.mark.django_db
def test_a_cancellation_promotes_the_waiting_list():
    venue = room(capacity=80, kind=HallKind.VENUE)
    holder = book(venue, 70, slot=HallSlot.MORNING)
    waiting = book(venue, 50, slot=HallSlot.MORNING, n=1, waitlist_ok=True)
    services.hall_booking_cancel(booking=holder)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.REQUESTED


@pytest.mark.django_db
def test_staff_confirm_take_payment_and_record_attendance_which_the_report_counts(make_staff):
    clerk = make_staff("welfare")
    venue = room(capacity=80, kind=HallKind.VENUE, price=2_000)
    day = timezone.localdate() + timedelta(days=2)
    booking = book(venue, 60, slot=HallSlot.AFTERNOON, day=day)
    services.hall_booking_confirm(booking=booking, user=clerk)
    services.hall_booking_payment(booking=booking, amount=2_000, paid_on=day, user=clerk)
    services.hall_booking_attendance(booking=booking, people=58, user=clerk)
    figures = SHIJIA_HALL.compute(HalfYear.containing(day))
    assert figures["welfare.shijia_hall.rental_people"] == 58
    assert figures["welfare.shijia_hall.rental_income"] == 2_000
    assert figures["welfare.shijia_hall.lodging_people"] == 0


@pytest.mark.django_db
def test_the_citizen_books_tracks_and_cancels_online(client):
    lodging = room(capacity=12)
    page = client.get("/welfare/hall/").content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', page)[1]
    response = client.post("/welfare/hall/", {
        "submission_token": token, "facility": lodging.pk, "use_on": DAY.isoformat(), "slot": "night",
        "people": "4", "booker_name": "張小姐", "email": "guest@example.tw", "phone": "0912345678", "consent": "on"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    number = re.search(r'id="case-number">([^<]+)<', page)[1]
    code = re.search(r'id="access-code">([^<]+)<', page)[1]
    client.cookies.clear()
    response = client.post("/track/", {"case_number": number, "access_code": code})
    booking = HallBooking.objects.get(case_number=number)
    assert response["Location"] == f"/welfare/bookings/{booking.pk}/"
    client.post(f"/welfare/bookings/{booking.pk}/cancel/", {"confirm": "on"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


@pytest.mark.django_db(transaction=True)
def test_two_guests_cannot_both_take_the_last_beds():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every write): DATABASE_URL=postgres://...")
    lodging = room(capacity=12)
    start, outcomes, errors = threading.Barrier(6), [], []

    def booking(n):
        try:
            start.wait()
            try:
                outcomes.append(book(lodging, 4, n=n).status)
            except ValidationError:
                outcomes.append("refused")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=booking, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(outcomes) == sorted([BookingStatus.REQUESTED] * 3 + ["refused"] * 3)
