"""The citizen's dispute pages meet WCAG 2.1 AA as axe-core checks them, with errors shown too."""

import pytest

from tests.core.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


def test_application_and_tracking_pages_are_accessible(browser_page, live_server):
    for path in ("/disputes/apply/", "/track/"):
        assert_accessible(browser_page, live_server.url + path)


def test_the_application_form_showing_its_errors_is_accessible(browser_page, live_server):
    browser_page.goto(live_server.url + "/disputes/apply/")
    browser_page.get_by_role("button", name="送出申請").click()
    browser_page.wait_for_selector("#form-errors")
    assert_accessible(browser_page)
