"""The Shijia Hall's citizen pages meet WCAG 2.1 AA as axe-core checks them: the booking form (with its errors
too), the booking's page with its change and cancel forms (with a refused change too) and the calendar."""

from datetime import timedelta

import pytest

from tests.citizen_pages import book_hall_room, track_case
from tests.core.test_accessibility import assert_accessible
from welfare.models import HallBlackout

from .test_hall_booking import DAY, book, room

pytestmark = pytest.mark.browser


@pytest.fixture
def hall(transactional_db):
    """A room with a full night and a blackout day, so the calendar shows more than one state."""
    lodging = room(capacity=4, price=1_800)
    book(lodging, 4, day=DAY + timedelta(days=1))
    HallBlackout.objects.create(day=DAY + timedelta(days=2), reason="檢修")
    return lodging


def test_the_booking_form_and_the_calendar_are_accessible(hall, browser_page, live_server):
    month = f"/welfare/hall/calendar/{DAY.year}/{DAY.month}/"
    for path in ("/welfare/hall/", "/welfare/hall/calendar/", month):
        assert_accessible(browser_page, live_server.url + path)


def test_the_booking_form_showing_its_errors_is_accessible(hall, browser_page, live_server):
    browser_page.goto(live_server.url + "/welfare/hall/")
    browser_page.get_by_role("button", name="送出預約").click()
    browser_page.wait_for_selector("#form-errors")
    assert_accessible(browser_page)


def test_the_booking_page_with_its_change_and_cancel_forms_is_accessible(hall, browser_page, live_server):
    page, base = browser_page, live_server.url
    number, code = book_hall_room(page, base, hall, DAY, people=2, name="林先生", email="lin@example.tw",
                                  phone="07-7654321")
    assert_accessible(page, page.url)
    track_case(page, base, number, code)
    page.wait_for_selector("#booking-status")
    assert_accessible(page)
    page.get_by_label("新的使用日期").fill((DAY + timedelta(days=1)).isoformat())  # the full night
    page.get_by_role("button", name="變更預約").click()
    page.wait_for_selector("#form-errors")
    assert_accessible(page)
