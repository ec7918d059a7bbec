"""The museum's citizen pages meet WCAG 2.1 AA as axe-core checks them, with errors shown too."""

import pytest

from tests.citizen_pages import book_museum_visit, track_case
from tests.core.test_accessibility import assert_accessible

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
    assert_accessible(browser_page)


def test_the_booking_page_with_its_change_and_cancel_forms_is_accessible(visit_slot, browser_page, live_server):
    page, base = browser_page, live_server.url
    number, code = book_museum_visit(page, base, visit_slot, size=20, school="示範國小", contact="林老師",
                                     email="t@example.tw", phone="07-7654321")
    assert_accessible(page, page.url)
    track_case(page, base, number, code)
    page.wait_for_selector("#booking-status")
    assert_accessible(page, page.url)
