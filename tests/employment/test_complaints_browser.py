"""In Chromium: a citizen files a sexual-harassment complaint in English and tracks it; the complaint pages meet
WCAG 2.1 AA as axe-core checks them. Skipped where Chromium is not installed (see tests/conftest.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.core.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_rules():
    # Made before the browser starts (a transactional test's flush removed the migration's rows).
    from .complaints_helpers import _seed_rules

    _seed_rules()


def test_a_citizen_files_a_harassment_complaint_in_english_and_tracks_it(seeded_rules, live_server, browser_page):
    page = browser_page
    base = live_server.url
    page.goto(f"{base}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page.goto(f"{base}/employment/complaints/harassment/")
    assert "Sexual harassment complaint" in page.inner_text("h1")
    last_month = (timezone.localdate() - timedelta(days=30)).isoformat()
    page.locator("#id_complainant_name").fill("Maria Santos")
    page.locator("#id_complainant_phone").fill("0912345678")
    page.locator("#id_complainant_email").fill("maria@example.tw")
    page.locator("#id_employer_name").fill("Example Co., Ltd.")
    page.locator("#id_route").select_option("top_manager")
    page.locator("#id_respondent_name").fill("Chen Ta-tung")
    page.locator("#id_act_ended_on").fill(last_month)
    page.locator("#id_learned_on").fill(last_month)
    page.locator("#id_account").fill("The chairman touched me in his office several times.")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send complaint").click()
    page.wait_for_selector("#case-number")
    number, code = page.inner_text("#case-number"), page.inner_text("#access-code")
    assert "-H-" in number
    page.goto(f"{base}/track/")
    page.locator("#id_case_number").fill(number)
    page.locator("#id_access_code").fill(code)
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#case-status")
    assert page.inner_text("#case-status") == "Received"


@pytest.mark.parametrize("slug", ["discrimination", "harassment", "scam"])
def test_complaint_forms_are_accessible_blank_and_with_errors(seeded_rules, live_server, browser_page, slug):
    url = f"{live_server.url}/employment/complaints/{slug}/"
    assert_accessible(browser_page, url)
    browser_page.goto(url)
    browser_page.get_by_role("button", name="送出申訴").click()
    browser_page.wait_for_selector("#form-errors")
    assert_accessible(browser_page)
