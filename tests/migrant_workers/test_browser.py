"""In Chromium: a worker picks Tiếng Việt once, files a complaint in Vietnamese and tracks the case."""

import pytest

pytestmark = pytest.mark.browser


def test_a_worker_files_in_vietnamese_and_tracks_the_case(browser_page, live_server):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/migrant_workers/complain/")
    # The site's language switch, once: the choice is kept for every later page.
    page.select_option("#language-select", "vi")
    page.get_by_role("button", name="切換").click()
    page.wait_for_selector("html[lang=vi]")
    page.get_by_label("Nợ lương").check()
    page.get_by_label("Họ tên").fill("NGUYEN THI LAN")
    page.get_by_label("Quốc tịch").select_option("VN")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_label("Tên chủ thuê hoặc công ty môi giới").fill("Công ty TNHH Mẫu")
    page.get_by_label("Hãy cho biết chuyện gì đã xảy ra").fill("Chủ thuê chưa trả lương hai tháng.")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Gửi khiếu nại").click()
    page.wait_for_selector("#case-number")
    assert "Khiếu nại đã được tiếp nhận" in page.inner_text("h1")
    number, code = page.inner_text("#case-number"), page.inner_text("#access-code")
    assert "-W-" in number
    page.get_by_role("link", name="Tra cứu tiến độ hồ sơ").click()
    page.get_by_label("Số hồ sơ").fill(number)
    page.get_by_label("Mã tra cứu").fill(code)
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    page.wait_for_selector("#case-status")
    assert page.inner_text("#case-status") == "Đã tiếp nhận"
    assert page.get_attribute("html", "lang") == "vi"
