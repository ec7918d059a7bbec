"""The Shijia Hall's citizen pages meet WCAG 2.1 AA as axe-core checks them: the booking form (with its errors
too), the booking's page with its change and cancel forms (with a refused change too) and the calendar."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.citizen_pages import track_case
from tests.core.test_accessibility import WCAG_21_AA, assert_accessible
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


def _no_violations(page):
    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    assert [violation["id"] for violation in violations] == []


def test_the_booking_form_and_the_calendar_are_accessible(hall, browser_page, live_server):
    month = f"/welfare/hall/calendar/{DAY.year}/{DAY.month}/"
    for path in ("/welfare/hall/", "/welfare/hall/calendar/", month):
        assert_accessible(browser_page, live_server.url + path)


def test_the_booking_form_showing_its_errors_is_accessible(hall, browser_page, live_server):
    browser_page.goto(live_server.url + "/welfare/hall/")
    browser_page.get_by_role("button", name="送出預約").click()
    browser_page.wait_for_selector("#form-errors")
    _no_violations(browser_page)


def test_the_booking_page_with_its_change_and_cancel_forms_is_accessible(hall, browser_page, live_server):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/welfare/hall/")
    page.get_by_label("場地或房間").select_option(str(hall.pk))
    page.get_by_label("使用日期").fill(DAY.isoformat())
    page.get_by_label("時段").select_option("night")
    page.get_by_label("人數").fill("2")
    page.get_by_label("預約人").fill("林先生")
    page.get_by_label("電子郵件").fill("lin@example.tw")
    page.get_by_label("聯絡電話").fill("07-7654321")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送出預約").click()
    page.wait_for_selector("#case-number")
    assert_accessible(page, page.url)
    number, code = page.inner_text("#case-number"), page.inner_text("#access-code")
    track_case(page, base, number, code)
    page.wait_for_selector("#booking-status")
    _no_violations(page)
    page.get_by_label("新的使用日期").fill((DAY + timedelta(days=1)).isoformat())  # the full night
    page.get_by_role("button", name="變更預約").click()
    page.wait_for_selector("#form-errors")
    _no_violations(page)
