"""Group-visit bookings: capacity per slot, the waiting list and its promotion on cancellation, changes,
closing days, and the messages each sends."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from labor_portal.cases.models import OutboxMessage
from museum import services
from museum.models import BookingStatus, ClosureReason, GroupVisitBooking, MuseumClosure

from .factories import book, open_day, slot

pytestmark = pytest.mark.django_db


def kinds_sent(booking):
    return list(OutboxMessage.objects.filter(object_id=str(booking.pk)).order_by("pk").values_list("kind", flat=True))


def test_a_booking_gets_a_museum_number_and_a_confirmation_message():
    booking = book(slot(), 30)
    assert booking.case_number.split("-")[1] == "M" and booking.status == BookingStatus.BOOKED
    assert kinds_sent(booking) == ["museum.booked"]


def test_a_group_that_does_not_fit_is_refused_or_put_on_the_waiting_list():
    visit = slot(capacity=60)
    book(visit, 40, n=1)
    with pytest.raises(ValidationError, match="20"):
        book(visit, 25, n=2)
    waiting = book(visit, 25, n=3, waitlist_ok=True)
    assert waiting.status == BookingStatus.WAITLISTED
    assert kinds_sent(waiting) == ["museum.waitlisted"]
    assert book(visit, 20, n=4).status == BookingStatus.BOOKED  # the last 20 places are still free


def test_a_cancellation_promotes_the_waiting_groups_that_fit_in_their_order():
    visit = slot(capacity=60)
    first = book(visit, 50, n=1)
    big = book(visit, 45, n=2, waitlist_ok=True)
    small = book(visit, 8, n=3, waitlist_ok=True)
    later = book(visit, 10, n=4, waitlist_ok=True)

    services.visit_booking_cancel(booking=first)

    statuses = dict(GroupVisitBooking.objects.values_list("pk", "status"))
    assert statuses[first.pk] == BookingStatus.CANCELLED
    # 60 free: the first in line (45) and the next that still fits (8); the 10 do not fit in the 7 left.
    assert statuses[big.pk] == statuses[small.pk] == BookingStatus.BOOKED
    assert statuses[later.pk] == BookingStatus.WAITLISTED
    assert kinds_sent(big)[-1] == "museum.promoted" and kinds_sent(first)[-1] == "museum.cancelled"


def test_a_cancelled_booking_cannot_be_cancelled_again():
    booking = book(slot(), 10)
    services.visit_booking_cancel(booking=booking)
    with pytest.raises(ValidationError):
        services.visit_booking_cancel(booking=booking)


def test_a_change_needs_places_on_the_new_slot_and_frees_the_old_ones():
    morning, afternoon = slot(capacity=40), slot(capacity=40, hour=14)
    moving = book(morning, 30, n=1)
    waiting = book(morning, 25, n=2, waitlist_ok=True)
    book(afternoon, 20, n=3)
    with pytest.raises(ValidationError):
        services.visit_booking_change(booking=moving, slot=afternoon, group_size=30)
    services.visit_booking_change(booking=moving, slot=afternoon, group_size=20)
    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert (moving.slot, moving.group_size) == (afternoon, 20)
    assert waiting.status == BookingStatus.BOOKED  # the morning's places went to the waiting group


def test_closed_days_and_days_outside_the_window_cannot_be_booked():
    tuesday = open_day(10)
    MuseumClosure.objects.create(day=tuesday, reason=ClosureReason.TYPHOON)
    with pytest.raises(ValidationError):
        book(slot(day=tuesday), 10)
    with pytest.raises(ValidationError):
        book(slot(day=open_day(10) - timedelta(days=1)), 10)  # a Monday
    with pytest.raises(ValidationError):
        book(slot(day=open_day(0) + timedelta(days=365)), 10)
