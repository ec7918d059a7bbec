"""In Chromium: a citizen books a Shijia Hall room, opens the booking with its number and code, moves it to the
next night for fewer people, and cancels it."""

from datetime import timedelta

import pytest

from tests.citizen_pages import book_hall_room, track_case
from welfare.models import BookingStatus, HallBooking

from .test_hall_booking import DAY, room

pytestmark = pytest.mark.browser


@pytest.fixture
def lodging(transactional_db):
    return room(capacity=4, price=1_800)


def test_a_citizen_books_a_hall_room_changes_it_and_cancels_it(lodging, browser_page, live_server):
    page, base, later = browser_page, live_server.url, DAY + timedelta(days=1)
    number, code = book_hall_room(page, base, lodging, DAY, people=3, name="張小姐", email="guest@example.tw",
                                  phone="0912345678")

    track_case(page, base, number, code)
    assert page.inner_text("#booking-status") == "已預約，待確認"
    assert page.inner_text("#booking-people") == "3"

    page.get_by_label("人數").fill("5")  # more than the room holds: refused, the booking stays as it was
    page.get_by_label("新的使用日期").fill(later.isoformat())
    page.get_by_role("button", name="變更預約").click()
    page.wait_for_selector("#form-errors")
    assert "人數須在 1 至 4 人之間" in page.inner_text("#form-errors")
    assert page.inner_text("#booking-people") == "3"

    page.get_by_label("人數").fill("2")
    page.get_by_role("button", name="變更預約").click()
    page.wait_for_selector("#changed")
    assert page.inner_text("#booking-people") == "2"
    assert later.isoformat() in page.inner_text("#booking-use-on")

    page.get_by_label("我確定要取消這個預約。").check()
    page.get_by_role("button", name="取消預約").click()
    page.wait_for_selector("#cancelled")
    assert page.inner_text("#booking-status") == "已取消"
    booking = HallBooking.objects.get(case_number=number)
    assert (booking.status, booking.use_on, booking.people) == (BookingStatus.CANCELLED, later, 2)
