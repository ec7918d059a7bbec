"""In Chromium: a teacher books a class visit, then opens it with the number and code and cancels it."""

import pytest

from museum.models import BookingStatus, GroupVisitBooking
from tests.citizen_pages import book_museum_visit, track_case

from .factories import slot

pytestmark = pytest.mark.browser


@pytest.fixture
def visit_slot(museum_rules):
    return slot(capacity=60)


def test_a_teacher_books_a_class_visit_and_cancels_it(visit_slot, browser_page, live_server):
    page, base = browser_page, live_server.url
    number, code = book_museum_visit(page, base, visit_slot, size=29, group="school", school="高雄市立示範國中 八年三班",
                                     contact="陳老師", email="teacher@example.tw", phone="07-1234567",
                                     wheelchair=True)

    track_case(page, base, number, code)
    assert page.inner_text("#booking-status") == "已預約，待確認"
    assert page.inner_text("#booking-size") == "29"

    page.get_by_label("我確定要取消這個預約。").check()
    page.get_by_role("button", name="取消預約").click()
    page.wait_for_selector("#cancelled")
    assert page.inner_text("#booking-status") == "已取消"
    assert GroupVisitBooking.objects.get(case_number=number).status == BookingStatus.CANCELLED
