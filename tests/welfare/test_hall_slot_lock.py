"""A booking locks one slot, not the whole facility (issue 15): two concurrent bookings of the same slot's last
places cannot both succeed, even on the slot's very first booking (its lock row made concurrently), while a
booking of another slot of the same room goes through meanwhile (PostgreSQL, threads)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Sum

from welfare import services
from welfare.models import HOLDING, BookingStatus, HallBooking, HallKind, HallSlot, HallSlotHold

from .test_hall_booking import DAY, book, room

pytestmark = pytest.mark.django_db(transaction=True)


def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every write): DATABASE_URL=postgres://...")


def _concurrently(count, work):
    start, outcomes, errors = threading.Barrier(count), [], []

    def run(n):
        try:
            start.wait()
            try:
                outcomes.append(work(n))
            except ValidationError:
                outcomes.append("refused")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return outcomes


def test_two_first_bookings_of_the_same_slot_cannot_both_take_its_only_places():
    _needs_postgres()
    venue = room(capacity=40, kind=HallKind.VENUE)
    assert not HallSlotHold.objects.exists()
    outcomes = _concurrently(2, lambda n: book(venue, 30, slot=HallSlot.MORNING, n=n).status)
    assert sorted(outcomes) == sorted([BookingStatus.REQUESTED, "refused"])
    taken = HallBooking.objects.filter(facility=venue, status__in=HOLDING).aggregate(n=Sum("people"))["n"]
    assert taken == 30
    assert HallSlotHold.objects.filter(facility=venue, use_on=DAY, slot=HallSlot.MORNING).count() == 1


def test_a_held_slot_does_not_hold_up_another_slot_of_the_same_room():
    _needs_postgres()
    venue = room(capacity=40, kind=HallKind.VENUE)
    book(venue, 10, slot=HallSlot.MORNING)  # the morning's lock row exists
    held, done = threading.Event(), threading.Event()
    outcome = {}

    def hold_the_morning():
        try:
            with transaction.atomic():
                services.hall_slot_lock(facility_id=venue.pk, use_on=DAY, slot=HallSlot.MORNING)
                held.set()
                done.wait(timeout=20)
        finally:
            connection.close()

    def book_the_afternoon():
        try:
            held.wait(timeout=20)
            with connection.cursor() as cursor:  # fail fast rather than wait if the lock were the room's
                cursor.execute("SET lock_timeout = '3s'")
            outcome["afternoon"] = book(venue, 10, slot=HallSlot.AFTERNOON, n=2).status
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = exc
        finally:
            done.set()
            connection.close()

    threads = [threading.Thread(target=hold_the_morning), threading.Thread(target=book_the_afternoon)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcome == {"afternoon": BookingStatus.REQUESTED}


def test_a_cancellation_under_the_slot_lock_still_promotes_the_waiting_list():
    lodging = room(capacity=4)
    holder = book(lodging, 4)
    waiting = book(lodging, 2, n=1, waitlist_ok=True)
    assert waiting.status == BookingStatus.WAITLISTED
    services.hall_booking_cancel(booking=holder)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.REQUESTED
    assert HallSlotHold.objects.filter(facility=lodging, use_on=DAY, slot=HallSlot.NIGHT).count() == 1
