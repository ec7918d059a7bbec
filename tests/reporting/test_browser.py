"""An official generates a half-year report in the browser and the download links appear without a reload."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def official_account(make_staff):
    return make_staff("officials", username="official-browser")


def test_an_official_generates_a_report_and_gets_the_downloads(official_account, live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("使用者名稱").fill("official-browser")
    page.get_by_label("密碼").fill("a-long-test-password")
    page.get_by_role("button", name="登入").click()
    page.get_by_role("link", name="產製半年報統計表").click()
    page.get_by_label("統計期間").select_option("2020H1")
    page.get_by_role("button", name="開始產製").click()
    page.get_by_role("link", name="Excel 活頁簿 (.xlsx)").wait_for()
    assert page.locator("#run-progress").get_attribute("value") == "100"
    assert page.get_by_role("link", name="unions.by_type.csv").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel 活頁簿 (.xlsx)").click()
    assert download.value.suggested_filename == "labor-report-2020H1.xlsx"
    page.get_by_role("link", name="線上檢視所有統計表").click()
    expect(page.get_by_role("table", name="各級工會成立情形（109年1月至6月）")).to_be_visible()  # waits for the page
