"""The museum's citizen pages meet WCAG 2.1 AA as axe-core checks them, with errors shown too."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.citizen_pages import track_case
from tests.core.test_accessibility import WCAG_21_AA, assert_accessible

from .factories import slot

pytestmark = pytest.mark.browser


@pytest.fixture
def visit_slot(museum_rules):
    return slot(capacity=60)


def test_the_programme_and_booking_pages_are_accessible(visit_slot, browser_page, live_server):
    for path in ("/museum/", "/museum/book/"):
        assert_accessible(browser_page, live_server.url + path)


def test_the_booking_form_showing_its_errors_is_accessible(visit_slot, browser_page, live_server):
    browser_page.goto(live_server.url + "/museum/book/")
    browser_page.get_by_role("button", name="送出預約").click()
    browser_page.wait_for_selector("#form-errors")
    violations = Axe().run(browser_page, options=WCAG_21_AA).response["violations"]
    assert [violation["id"] for violation in violations] == []


def test_the_booking_page_with_its_change_and_cancel_forms_is_accessible(visit_slot, browser_page, live_server):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/museum/book/")
    page.get_by_label("導覽時段").select_option(str(visit_slot.pk))
    page.get_by_label("人數（含帶隊老師）").fill("20")
    page.get_by_label("學校或團體名稱").fill("示範國小")
    page.get_by_label("聯絡人").fill("林老師")
    page.get_by_label("電子郵件").fill("t@example.tw")
    page.get_by_label("聯絡電話").fill("07-7654321")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送出預約").click()
    page.wait_for_selector("#case-number")
    assert_accessible(page, page.url)
    number, code = page.inner_text("#case-number"), page.inner_text("#access-code")
    track_case(page, base, number, code)
    page.wait_for_selector("#booking-status")
    assert_accessible(page, page.url)
