"""Two groups cannot both take the last places of a slot: the slot's row is locked for the booking (PostgreSQL)."""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum

from museum.models import HOLDING, BookingStatus, GroupVisitBooking

from .factories import book, slot


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_never_take_more_places_than_the_slot_has(museum_rules):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every write): DATABASE_URL=postgres://...")
    visit = slot(capacity=30)
    threads_count = 8
    start = threading.Barrier(threads_count)
    outcomes, errors = [], []

    def booking(n: int):
        try:
            start.wait()
            try:
                outcomes.append(book(visit, 10, n=n).status)
            except ValidationError:
                outcomes.append("refused")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=booking, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(outcomes) == [BookingStatus.BOOKED] * 3 + ["refused"] * 5
    taken = GroupVisitBooking.objects.filter(slot=visit, status__in=HOLDING).aggregate(n=Sum("group_size"))["n"]
    assert taken == 30


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellation_and_booking_promote_or_book_but_never_overfill(museum_rules):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks: DATABASE_URL=postgres://...")
    from museum import services

    visit = slot(capacity=20)
    holder = book(visit, 20, n=0)
    waiting = book(visit, 15, n=1, waitlist_ok=True)
    start = threading.Barrier(2)
    errors = []

    def cancel():
        try:
            start.wait()
            services.visit_booking_cancel(booking=holder)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    def newcomer():
        try:
            start.wait()
            with contextlib.suppress(ValidationError):
                book(visit, 15, n=2)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel), threading.Thread(target=newcomer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    taken = GroupVisitBooking.objects.filter(slot=visit, status__in=HOLDING).aggregate(n=Sum("group_size"))["n"]
    assert taken == 15  # either the waiting group was promoted or the newcomer booked: never both
    waiting.refresh_from_db()
    assert waiting.status in (BookingStatus.BOOKED, BookingStatus.WAITLISTED)
