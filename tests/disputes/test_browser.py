"""In Chromium: a citizen files with an attachment and tracks the case; staff settle it; the citizen sees it."""

import pytest
from django.utils import timezone

from tests.citizen_pages import track_case

from .factories import PDF_BYTES, VALID_BUSINESS_NUMBER, VALID_ID

pytestmark = pytest.mark.browser


def _file_application(page, base, tmp_path) -> tuple[str, str]:
    scan = tmp_path / "payslip.pdf"
    scan.write_bytes(PDF_BYTES)
    page.goto(f"{base}/disputes/apply/")
    page.get_by_label("姓名或名稱").first.fill("王小明")
    page.get_by_label("身分證統一編號或居留證號碼").first.fill(VALID_ID)
    page.locator("#id_applicants-0-birth_date").fill("1985-03-01")
    page.locator("#id_applicants-0-phone").fill("0912345678")
    page.locator("#id_applicants-0-address").fill("高雄市苓雅區四維三路2號")
    page.get_by_label("對造名稱（事業單位）").fill("示範股份有限公司")
    page.get_by_label("對造統一編號").fill(VALID_BUSINESS_NUMBER)
    page.get_by_label("主要爭議類別").select_option("wages")
    page.locator("#id_claims-0-item").fill("積欠工資")
    page.locator("#id_claims-0-amount").fill("52000")
    page.get_by_label("爭議經過").fill("雇主積欠三個月工資。")
    page.get_by_label("附件").set_input_files(str(scan))
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送出申請").click()
    page.wait_for_selector("#case-number")
    return page.inner_text("#case-number"), page.inner_text("#access-code")


def _track(page, base, number, code) -> str:
    track_case(page, base, number, code)
    return page.inner_text("#case-status")


def _settle_in_admin(page, base, number, staff):
    today = timezone.localdate().isoformat()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", staff.username)
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto(f"{base}/admin/disputes/disputecase/?queue=new")
    page.get_by_role("link", name=number).click()
    page.select_option("#id_status", "settled")
    page.select_option("#id_channel", "committee")
    page.fill("#id_mediation_body", "高雄市政府勞資爭議調解委員會")
    page.fill("#id_assigned_on", today)
    page.fill("#id_concluded_on", today)
    page.fill("#id_settled_amount", "40000")
    page.locator("#sessions-group .add-row a").click()
    page.fill("#id_sessions-0-held_on", today)
    page.fill("#id_sessions-0-place", "第一調解室")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


@pytest.fixture
def staff(make_staff):
    # Made before the browser starts: database work inside Playwright's greenlet would open a second
    # connection that outlives the test (and blocks dropping the PostgreSQL test database).
    return make_staff("disputes", username="mediation-clerk")


def test_citizen_files_tracks_and_sees_the_settlement(staff, live_server, browser_page, tmp_path):
    page = browser_page
    number, code = _file_application(page, live_server.url, tmp_path)
    assert number.startswith(f"{timezone.localdate().year - 1911}-D-")
    assert _track(page, live_server.url, number, code) == "已受理"
    assert "payslip.pdf" in page.content()

    _settle_in_admin(page, live_server.url, number, staff)
    page.context.clear_cookies()
    assert _track(page, live_server.url, number, code) == "調解成立"
    assert "第一調解室" in page.content()
