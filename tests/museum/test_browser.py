"""In Chromium: a teacher books a class visit, then opens it with the number and code and cancels it."""

import pytest

from museum.models import BookingStatus, GroupVisitBooking
from tests.citizen_pages import track_case

from .factories import slot

pytestmark = pytest.mark.browser


@pytest.fixture
def visit_slot(museum_rules):
    return slot(capacity=60)


def test_a_teacher_books_a_class_visit_and_cancels_it(visit_slot, browser_page, live_server):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/museum/book/")
    page.get_by_label("導覽時段").select_option(str(visit_slot.pk))
    page.get_by_label("人數（含帶隊老師）").fill("29")
    page.get_by_label("團體類別").select_option("school")
    page.get_by_label("學校或團體名稱").fill("高雄市立示範國中 八年三班")
    page.get_by_label("聯絡人").fill("陳老師")
    page.get_by_label("電子郵件").fill("teacher@example.tw")
    page.get_by_label("聯絡電話").fill("07-1234567")
    page.get_by_label("輪椅使用者").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送出預約").click()
    page.wait_for_selector("#case-number")
    number, code = page.inner_text("#case-number"), page.inner_text("#access-code")

    track_case(page, base, number, code)
    assert page.inner_text("#booking-status") == "已預約，待確認"
    assert page.inner_text("#booking-size") == "29"

    page.get_by_label("我確定要取消這個預約。").check()
    page.get_by_role("button", name="取消預約").click()
    page.wait_for_selector("#cancelled")
    assert page.inner_text("#booking-status") == "已取消"
    assert GroupVisitBooking.objects.get(case_number=number).status == BookingStatus.CANCELLED
