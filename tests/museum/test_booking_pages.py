"""The citizen's pages: the programme, the booking form (safeguards of the case kit), the booking's own page
reached through /track/, where it is changed or cancelled with the access code."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from museum.models import BookingStatus, Exhibition, GroupVisitBooking, ProgrammeKind

from .factories import book, slot

pytestmark = pytest.mark.django_db


def _token(client, path="/museum/book/"):
    page = client.get(path).content.decode()
    return re.search(r'name="submission_token" value="([^"]+)"', page)[1]


def _form(visit, token, **changes):
    return {"submission_token": token, "slot": visit.pk, "group_kind": "school", "group_name": "示範國中八年三班",
            "group_size": "32", "contact_name": "王老師", "email": "teacher@example.tw", "phone": "0912345678",
            "accessibility": ["wheelchair"], "consent": "on", **changes}


def _book(client, visit, **changes):
    response = client.post("/museum/book/", _form(visit, _token(client), **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    number = re.search(r'id="case-number">([^<]+)<', page)[1]
    code = re.search(r'id="access-code">([^<]+)<', page)[1]
    return number, code


def test_the_programme_shows_current_and_coming_exhibitions_not_past_or_unpublished(client):
    today = timezone.localdate()
    Exhibition.objects.create(title="常設展A", kind=ProgrammeKind.PERMANENT, starts_on=date(2015, 1, 1))
    Exhibition.objects.create(title="下月特展B", kind=ProgrammeKind.SPECIAL, starts_on=today + timedelta(days=30))
    Exhibition.objects.create(title="已閉幕C", kind=ProgrammeKind.SPECIAL, starts_on=date(2019, 1, 1),
                              ends_on=date(2019, 3, 1))
    Exhibition.objects.create(title="未公開D", kind=ProgrammeKind.EVENT, starts_on=today, published=False)
    page = client.get("/museum/").content.decode()
    assert "常設展A" in page and "下月特展B" in page
    assert "已閉幕C" not in page and "未公開D" not in page


def test_a_teacher_books_tracks_changes_and_cancels_a_class_visit(client):
    visit, later = slot(capacity=40), slot(capacity=40, hour=14)
    number, code = _book(client, visit)
    booking = GroupVisitBooking.objects.get(case_number=number)
    assert (booking.group_size, booking.accessibility, booking.status) == (32, ["wheelchair"], BookingStatus.BOOKED)

    response = client.post("/track/", {"case_number": number, "access_code": code})
    assert response["Location"] == f"/museum/bookings/{booking.pk}/"
    assert number in client.get(response["Location"]).content.decode()

    response = client.post(f"/museum/bookings/{booking.pk}/change/", {"slot": later.pk, "group_size": "30"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.slot, booking.group_size) == (later, 30)

    client.post(f"/museum/bookings/{booking.pk}/cancel/", {"confirm": "on"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_a_full_slot_says_how_many_places_are_left_and_books_nothing(client):
    visit = slot(capacity=40)
    book(visit, 30)
    response = client.post("/museum/book/", _form(visit, _token(client)))
    assert response.status_code == 400
    assert "僅剩 10 個名額" in response.content.decode()
    assert GroupVisitBooking.objects.count() == 1


def test_a_repeated_submission_is_one_booking_and_a_bot_books_nothing(client):
    visit = slot()
    token = _token(client)
    client.post("/museum/book/", _form(visit, token))
    client.post("/museum/book/", _form(visit, token))
    assert GroupVisitBooking.objects.count() == 1
    assert client.post("/museum/book/", _form(visit, _token(client), website="spam")).status_code == 400
    assert GroupVisitBooking.objects.count() == 1


def test_a_booking_page_needs_its_access_code(client):
    visit = slot()
    number, _code = _book(client, visit)
    booking = GroupVisitBooking.objects.get(case_number=number)
    client.cookies.clear()
    assert client.get(f"/museum/bookings/{booking.pk}/").status_code == 404
    assert client.post(f"/museum/bookings/{booking.pk}/cancel/", {"confirm": "on"}).status_code == 404
    assert client.post("/track/", {"case_number": number, "access_code": "WRONG-CODE-1234"}).status_code == 400
