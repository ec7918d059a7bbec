"""The welfare section's public pages, form errors and e-mails in English: the source strings are zh-Hant, so a
message without a translation shows up as Han characters on an English page (the detector is the migrant
workers' one). Facility and booker names are records, not messages: the test's are in English."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone, translation

from tests.migrant_workers.test_translations import HAN, untranslated
from welfare import services
from welfare.models import HallBooking, HallFacility, HallKind, HallSlot

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + timedelta(days=10)
PO = Path(__file__).resolve().parents[2] / "welfare" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _venue(capacity=80):
    return HallFacility.objects.create(name="Conference Room A", kind=HallKind.VENUE, capacity=capacity, price=2_000)


def _booking(venue, token, **overrides):
    return {"submission_token": token, "website": "", "facility": venue.pk, "use_on": DAY.isoformat(),
            "slot": HallSlot.MORNING, "people": "30", "booker_name": "Ms Chang", "organisation": "",
            "email": "chang@example.tw", "phone": "0912345678", "consent": "on", **overrides}


def _token(page: str) -> str:
    return re.search(r'name="submission_token" value="([^"]+)"', page)[1]


def _pages(client, language):
    """(name, html) of each public welfare page, as a citizen booking in `language` meets them."""
    client.cookies["django_language"] = language
    venue = _venue()
    form_page = client.get("/welfare/hall/").content.decode()
    yield "booking form", form_page
    bad = client.post("/welfare/hall/", _booking(venue, _token(form_page), people="500", consent="", email="x"))
    assert bad.status_code == 400
    yield "booking form with errors", bad.content.decode()
    full = client.post("/welfare/hall/", _booking(venue, _token(form_page), people="81"))
    yield "booking form, slot too small", full.content.decode()
    filed = client.post("/welfare/hall/", _booking(venue, _token(client.get("/welfare/hall/").content.decode())))
    booked = client.get(filed["Location"]).content.decode()
    yield "booked", booked
    booking = HallBooking.objects.get()
    code = re.search(r'id="access-code">([^<]+)<', booked)[1]
    opened = client.post("/track/", {"case_number": booking.case_number, "access_code": code})
    yield "booking", client.get(opened["Location"]).content.decode()
    unconfirmed = client.post(f"/welfare/bookings/{booking.pk}/cancel/", {})
    assert unconfirmed.status_code == 400
    yield "cancel without confirming", unconfirmed.content.decode()
    cancelled = client.post(f"/welfare/bookings/{booking.pk}/cancel/", {"confirm": "on"})
    yield "cancelled", client.get(cancelled["Location"]).content.decode()
    again = client.post(f"/welfare/bookings/{booking.pk}/cancel/", {"confirm": "on"})
    yield "cancelling a cancelled booking", again.content.decode()


def test_every_public_welfare_page_is_in_english(client):
    pages = {}
    for name, html in _pages(client, "en"):
        pages[name] = html
        assert '<html lang="en">' in html, name
        assert untranslated(html) == [], f"{name}: untranslated {untranslated(html)}"
    # Each page is the one meant, its messages in English.
    assert "Shijia Hall venue and lodging booking" in pages["booking form"]
    assert "Conference Room A (Venue rental, 80 people per slot, NT$2,000)" in pages["booking form"]
    assert "Please tick your agreement to the personal data notice" in pages["booking form with errors"]
    assert "between 1 and 80" in pages["booking form, slot too small"]
    assert "Access code" in pages["booked"]
    assert "Booked, awaiting confirmation" in pages["booking"]
    assert "Morning (09:00–12:00)" in pages["booking"]
    assert "Please tick the confirmation to cancel." in pages["cancel without confirming"]
    assert "The booking has been cancelled." in pages["cancelled"]
    assert "can no longer be cancelled (Cancelled)" in pages["cancelling a cancelled booking"]


def test_in_chinese_the_pages_are_the_source(client):
    pages = dict(_pages(client, "zh-hant"))
    assert "獅甲會館場地及住宿預約" in pages["booking form"]
    assert "預約已取消。" in pages["cancelled"]


def test_every_booking_email_is_in_the_booking_language(django_capture_on_commit_callbacks):
    venue = _venue(capacity=40)

    def book(n, **extra):
        return services.hall_booking_file(facility=venue, use_on=DAY, slot=HallSlot.MORNING, people=30,
                                          booker_name=f"Guest {n}", phone="0912345678", email=f"g{n}@example.tw",
                                          **extra).booking

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        holder, waiting = book(1), book(2, waitlist_ok=True)
    with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):
        services.hall_booking_cancel(booking=holder)  # the waiting booking is promoted
        services.hall_booking_confirm(booking=waiting)
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 5, subjects
    for message in mail.outbox:
        assert HAN.findall(message.subject + message.body) == [], message.subject + message.body


def test_the_detector_fails_on_a_welfare_message_without_translation():
    from django.template import engines

    with translation.override("en"):
        html = engines["django"].from_string(
            "{% load i18n %}<p>{% translate '送出預約' %}</p><p>{% translate '一句沒有翻譯的話' %}</p>").render()
    assert "Send booking" in html
    assert untranslated(html) == ["一句沒有翻譯的話"]


def test_the_english_catalogue_is_compiled_complete_and_has_no_fuzzy_entry():
    po = PO.read_text("utf-8")
    assert PO.with_suffix(".mo").exists()
    assert "#, fuzzy" not in po
    # Only the header's msgstr is empty.
    assert po.count('msgstr ""\n"') == 1 and not re.search(r'msgstr ""\n\n', po + "\n")
