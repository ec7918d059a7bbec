"""A citizen changes a Shijia Hall booking (day, slot, people) under a new booking's rules: a change into a slot
without the places is refused and changes nothing, the places it leaves go to the waiting list, the e-mail is in
the booking's language, and the page is reached only with the access code, behind CSRF and a rate limit."""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum
from django.test import Client, override_settings
from django.utils import translation

from labor_portal.cases.models import OutboxMessage
from tests.migrant_workers.test_translations import HAN
from welfare import services
from welfare.models import HOLDING, BookingStatus, HallBlackout, HallBooking, HallKind, HallSlot

from .test_hall_booking import DAY, book, room

NEXT = DAY + timedelta(days=1)


def _as_it_was(booking):
    booking.refresh_from_db()
    return booking.use_on, booking.slot, booking.people, booking.status


@pytest.mark.django_db
def test_a_change_into_a_full_slot_is_refused_and_nothing_changes():
    venue = room(capacity=40, kind=HallKind.VENUE)
    mine = book(venue, 10, slot=HallSlot.MORNING)
    book(venue, 35, slot=HallSlot.AFTERNOON, n=1)
    before = _as_it_was(mine)
    with pytest.raises(ValidationError, match="僅剩 5 個名額"):
        services.hall_booking_change(booking=mine, use_on=DAY, slot=HallSlot.AFTERNOON, people=10)
    assert _as_it_was(mine) == before
    afternoon = HallBooking.objects.filter(facility=venue, slot=HallSlot.AFTERNOON, status__in=HOLDING)
    assert afternoon.aggregate(n=Sum("people"))["n"] == 35
    assert not OutboxMessage.objects.filter(kind="welfare.hall_changed").exists()
    # Exactly the places left fit: a change counts the others' places, never its own.
    services.hall_booking_change(booking=mine, use_on=DAY, slot=HallSlot.AFTERNOON, people=5)
    assert _as_it_was(mine) == (DAY, HallSlot.AFTERNOON, 5, BookingStatus.REQUESTED)


@pytest.mark.django_db
def test_growing_within_its_own_slot_counts_its_own_places_once():
    lodging = room(capacity=12)
    mine = book(lodging, 8)
    book(lodging, 2, n=1)
    services.hall_booking_change(booking=mine, use_on=DAY, slot=HallSlot.NIGHT, people=10)
    with pytest.raises(ValidationError, match="僅剩 10 個名額"):  # the places this booking may have
        services.hall_booking_change(booking=mine, use_on=DAY, slot=HallSlot.NIGHT, people=11)
    assert _as_it_was(mine)[2] == 10


@pytest.mark.django_db
def test_a_change_meets_the_rules_of_a_new_booking():
    lodging = room(capacity=12)
    mine = book(lodging, 4)
    before = _as_it_was(mine)
    HallBlackout.objects.create(day=NEXT, reason="檢修")
    refusals = [
        {"use_on": NEXT, "slot": HallSlot.NIGHT, "people": 4},  # a blackout day
        {"use_on": DAY - timedelta(days=10), "slot": HallSlot.NIGHT, "people": 4},  # today
        {"use_on": DAY, "slot": HallSlot.MORNING, "people": 4},  # a room is let by the night
        {"use_on": DAY, "slot": HallSlot.NIGHT, "people": 13},  # more than the room holds
    ]
    refusals.append({"use_on": DAY, "slot": HallSlot.NIGHT, "people": 4})  # nothing to change
    for change in refusals:
        with pytest.raises(ValidationError):
            services.hall_booking_change(booking=mine, **change)
        assert _as_it_was(mine) == before, change
    services.hall_booking_cancel(booking=mine)
    with pytest.raises(ValidationError, match="無法變更"):
        services.hall_booking_change(booking=mine, use_on=DAY + timedelta(days=2), slot=HallSlot.NIGHT, people=4)


@pytest.mark.django_db
def test_a_change_frees_the_old_places_and_promotes_the_waiting_list():
    lodging = room(capacity=12)
    mine = book(lodging, 10)
    waiting = book(lodging, 6, n=1, waitlist_ok=True)
    services.hall_booking_confirm(booking=mine)
    services.hall_booking_change(booking=mine, use_on=NEXT, slot=HallSlot.NIGHT, people=10)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.REQUESTED
    # The moved booking is the hall's to confirm again.
    assert _as_it_was(mine) == (NEXT, HallSlot.NIGHT, 10, BookingStatus.REQUESTED)
    assert OutboxMessage.objects.filter(kind="welfare.hall_promoted", object_id=str(waiting.pk)).exists()


@pytest.mark.django_db
def test_fewer_people_in_the_same_slot_promote_the_waiting_list_too():
    venue = room(capacity=40, kind=HallKind.VENUE)
    mine = book(venue, 30, slot=HallSlot.EVENING)
    waiting = book(venue, 15, slot=HallSlot.EVENING, n=1, waitlist_ok=True)
    services.hall_booking_change(booking=mine, use_on=DAY, slot=HallSlot.EVENING, people=25)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.REQUESTED


@pytest.mark.django_db
def test_a_waiting_booking_moved_to_a_slot_with_places_is_promoted_there():
    lodging = room(capacity=12)
    book(lodging, 12)
    waiting = book(lodging, 4, n=1, waitlist_ok=True)
    services.hall_booking_change(booking=waiting, use_on=NEXT, slot=HallSlot.NIGHT, people=4)
    assert _as_it_was(waiting) == (NEXT, HallSlot.NIGHT, 4, BookingStatus.REQUESTED)


@pytest.mark.django_db
def test_the_change_e_mail_is_in_the_language_of_the_booking(django_capture_on_commit_callbacks):
    lodging = room(capacity=12)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        mine = book(lodging, 4)
    mail.outbox.clear()
    with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):
        services.hall_booking_change(booking=mine, use_on=NEXT, slot=HallSlot.NIGHT, people=3)
    [message] = mail.outbox
    assert message.subject == f"Shijia Hall booking changed: {mine.case_number}"
    assert "has been changed as follows" in message.body and NEXT.isoformat() in message.body
    records = message.body.replace(mine.booker_name, "").replace(lodging.name, "")  # names are data, not text
    assert HAN.findall(message.subject + records) == [], message.body


def _opened(client, lodging):
    """A booking made and opened through /track/ in `client`, as the citizen does."""
    page = client.get("/welfare/hall/").content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', page)[1]
    filed = client.post("/welfare/hall/", {
        "submission_token": token, "facility": lodging.pk, "use_on": DAY.isoformat(), "slot": "night",
        "people": "4", "booker_name": "張小姐", "email": "guest@example.tw", "phone": "0912345678", "consent": "on"})
    page = client.get(filed["Location"]).content.decode()
    number = re.search(r'id="case-number">([^<]+)<', page)[1]
    code = re.search(r'id="access-code">([^<]+)<', page)[1]
    client.post("/track/", {"case_number": number, "access_code": code})
    return HallBooking.objects.get(case_number=number)


@pytest.mark.django_db
def test_the_citizen_changes_it_on_its_page_and_is_told_plainly_when_the_slot_is_full(client):
    lodging = room(capacity=12)
    booking = _opened(client, lodging)
    book(lodging, 10, n=1, day=NEXT)
    page = client.get(f"/welfare/bookings/{booking.pk}/").content.decode()
    assert f'action="/welfare/bookings/{booking.pk}/change/"' in page
    assert '<option value="night" selected>' in page and 'value="morning"' not in page  # a room's only slot

    full = client.post(f"/welfare/bookings/{booking.pk}/change/",
                       {"use_on": NEXT.isoformat(), "slot": "night", "people": "4"})
    assert full.status_code == 400
    assert "所選日期時段僅剩 2 個名額，預約未變更。" in full.content.decode()
    assert _as_it_was(booking)[:3] == (DAY, "night", 4)

    moved = client.post(f"/welfare/bookings/{booking.pk}/change/",
                        {"use_on": NEXT.isoformat(), "slot": "night", "people": "2"})
    assert moved["Location"] == f"/welfare/bookings/{booking.pk}/?changed=1"
    assert "預約已變更。" in client.get(moved["Location"]).content.decode()
    assert _as_it_was(booking)[:3] == (NEXT, "night", 2)


@pytest.mark.django_db
def test_changing_needs_the_access_code_and_the_csrf_token(client):
    booking = _opened(client, room(capacity=12))
    citizen = Client(enforce_csrf_checks=True)
    citizen.cookies = client.cookies  # the browser that opened the booking, posting without the form's token
    change = {"use_on": NEXT.isoformat(), "slot": "night", "people": "2"}
    assert citizen.post(f"/welfare/bookings/{booking.pk}/change/", change).status_code == 403
    assert citizen.get(f"/welfare/bookings/{booking.pk}/").status_code == 200
    stranger = Client()
    assert stranger.post(f"/welfare/bookings/{booking.pk}/change/", change).status_code == 404
    assert _as_it_was(booking)[:3] == (DAY, "night", 4)


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"welfare.booking_change": "2/m"})
def test_changes_are_rate_limited_per_address(client):
    booking = _opened(client, room(capacity=12))
    codes = [client.post(f"/welfare/bookings/{booking.pk}/change/",
                         {"use_on": NEXT.isoformat(), "slot": "night", "people": str(people)}).status_code
             for people in (3, 2, 1)]
    assert codes == [302, 302, 429]
    assert _as_it_was(booking)[2] == 2


@pytest.mark.django_db(transaction=True)
def test_two_changes_cannot_both_take_the_last_places_of_a_slot():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every write): DATABASE_URL=postgres://...")
    lodging = room(capacity=12)
    book(lodging, 8, day=NEXT)
    movers = [book(lodging, 4, n=n) for n in (1, 2)]  # 4 places left on NEXT, wanted by both
    start, outcomes, errors = threading.Barrier(2), [], []

    def move(booking):
        try:
            start.wait()
            try:
                outcomes.append(services.hall_booking_change(
                    booking=booking, use_on=NEXT, slot=HallSlot.NIGHT, people=4).use_on)
            except ValidationError:
                outcomes.append("refused")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(booking,)) for booking in movers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(outcomes, key=str) == sorted([NEXT, "refused"], key=str)
    taken = HallBooking.objects.filter(use_on=NEXT, status__in=HOLDING).aggregate(n=Sum("people"))["n"]
    assert taken == 12
