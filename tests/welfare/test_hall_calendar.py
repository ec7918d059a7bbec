"""The Shijia Hall's public availability calendar: each day of a month, per kind of room, free / few left / full /
closed (a blackout day) / past, counted in the database in a bounded number of queries, as an accessible table
with month links, in zh-Hant and English."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from labor_portal.cases.codes import access_code_current
from tests.migrant_workers.test_translations import untranslated
from welfare import services
from welfare.models import BookingStatus, HallBlackout, HallKind, HallSlot
from welfare.selectors import hall_calendar

from .test_hall_booking import book, room

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)
DECEMBER = date(2026, 12, 1)


def _states(month=DECEMBER, today=TODAY):
    """{(day, kind): state} of the month's calendar."""
    shown = hall_calendar(month=month, today=today)
    return {(day.day, cell.kind): cell.state for day in shown.days for cell in day.kinds}


@pytest.fixture
def hall(monkeypatch):
    """Two venues of 40 (3 slots a day: 240 places) and one room of 4 (1 night: 4 places), booked in December."""
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    venues = [room(capacity=40, kind=HallKind.VENUE, price=n) for n in (1, 2)]
    lodging = room(capacity=4)
    return venues, lodging


def test_each_day_says_free_few_full_closed_or_past_per_kind(hall):
    venues, lodging = hall
    for n, slot in enumerate((HallSlot.MORNING, HallSlot.AFTERNOON, HallSlot.EVENING)):
        for venue in venues:
            book(venue, 40, slot=slot, n=n, day=date(2026, 12, 2))  # every venue place of the 2nd
        book(venues[0], 40, slot=slot, n=n, day=date(2026, 12, 3))  # half of the 3rd
    for venue in venues:
        book(venue, 40, slot=HallSlot.MORNING, day=date(2026, 12, 4))
        book(venue, 40, slot=HallSlot.AFTERNOON, day=date(2026, 12, 4))
    book(venues[0], 25, slot=HallSlot.EVENING, day=date(2026, 12, 4))  # 55 of 240 left: a quarter or less
    book(lodging, 4, day=date(2026, 12, 2))
    book(lodging, 1, day=date(2026, 12, 3))
    book(lodging, 2, day=date(2026, 12, 5))
    waiting = book(lodging, 3, day=date(2026, 12, 5), n=1, waitlist_ok=True)
    cancelled = book(lodging, 4, day=date(2026, 12, 6))
    services.hall_booking_cancel(booking=cancelled)
    HallBlackout.objects.create(day=date(2026, 12, 7), reason="檢修")

    states = _states()
    assert (states[(date(2026, 12, 2), "venue")], states[(date(2026, 12, 2), "lodging")]) == ("full", "full")
    assert (states[(date(2026, 12, 3), "venue")], states[(date(2026, 12, 3), "lodging")]) == ("free", "free")
    assert states[(date(2026, 12, 4), "venue")] == "few"
    assert waiting.status == BookingStatus.WAITLISTED  # a waiting booking holds no place
    assert states[(date(2026, 12, 5), "lodging")] == states[(date(2026, 12, 6), "lodging")] == "free"
    assert (states[(date(2026, 12, 7), "venue")], states[(date(2026, 12, 7), "lodging")]) == ("closed", "closed")
    assert len(states) == 31 * 2
    november = _states(month=date(2026, 11, 1))
    assert november[(TODAY, "venue")] == "past" and november[(date(2026, 11, 29), "venue")] == "free"


def test_a_kind_with_no_room_open_has_no_column_and_an_overbooked_slot_eats_only_its_own_places(hall):
    venues, lodging = hall
    lodging.active = False
    lodging.save()
    shown = hall_calendar(month=DECEMBER, today=TODAY)
    assert shown.kinds == [("venue", "場地租借")]
    # Staff can let a slot beyond its capacity; the other room's places are still there to book.
    book(venues[0], 40, slot=HallSlot.MORNING, day=date(2026, 12, 2))
    venues[0].capacity = 20
    venues[0].save()
    left = {cell.kind: cell.left for cell in hall_calendar(month=DECEMBER, today=TODAY).days[1].kinds}
    assert left == {"venue": (20 + 40) * 3 - 20}


def test_the_month_is_counted_in_three_queries_however_many_bookings(hall, django_assert_max_num_queries):
    venues, lodging = hall
    for n in range(1, 29):
        book(venues[n % 2], 5, slot=HallSlot.AFTERNOON, n=n, day=date(2026, 12, n))
        book(lodging, 1, n=n, day=date(2026, 12, n))
    HallBlackout.objects.create(day=date(2026, 12, 30), reason="檢修")
    with django_assert_max_num_queries(3):
        shown = hall_calendar(month=DECEMBER, today=TODAY)
        assert [cell.left for cell in shown.days[0].kinds] == [235, 3]


def test_the_page_is_a_table_with_caption_headers_and_month_links(hall, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        page = client.get("/welfare/hall/calendar/2026/12/").content.decode()
    assert re.search(r"<caption>獅甲會館 2026年12月 名額狀況</caption>", page)
    assert '<th scope="col">場地租借</th>' in page and '<th scope="col">住宿</th>' in page
    assert page.count('<th scope="row">') == 31
    assert 'href="/welfare/hall/calendar/2026/11/"' in page and 'href="/welfare/hall/calendar/2027/1/"' in page
    assert 'href="/welfare/hall/?use_on=2026-12-01"' in page  # a day with places links to the booking form
    current = client.get("/welfare/hall/calendar/").content.decode()
    assert "2026年11月 名額狀況" in current
    assert client.get("/welfare/hall/calendar/2026/13/").status_code == 404
    booking_form = client.get("/welfare/hall/?use_on=2026-12-01").content.decode()
    assert 'href="/welfare/hall/calendar/"' in booking_form and 'value="2026-12-01"' in booking_form


def test_the_calendar_is_in_english(hall, client):
    client.cookies["django_language"] = "en"
    HallBlackout.objects.create(day=date(2026, 12, 7), reason="檢修")
    book(hall[1], 4, day=date(2026, 12, 2))
    page = client.get("/welfare/hall/calendar/2026/12/").content.decode()
    assert untranslated(page) == []
    assert "Shijia Hall places, December 2026" in page
    for words in ("Venue rental", "Lodging", "Places available", "Full", "Closed", "Next month (January 2027)"):
        assert words in page, words


def test_the_booking_page_links_to_the_calendar_of_its_month(client):
    day = timezone.localdate() + timedelta(days=10)
    lodging = room(capacity=12)
    booking = book(lodging, 2, day=day)
    code = access_code_current(kind="V", case=booking)
    client.post("/track/", {"case_number": booking.case_number, "access_code": code})
    page = client.get(f"/welfare/bookings/{booking.pk}/").content.decode()
    assert f'href="/welfare/hall/calendar/{day.year}/{day.month}/"' in page
