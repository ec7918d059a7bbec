"""The worker's complaint form meets WCAG 2.1 AA as axe-core checks it, in Thai and in Vietnamese, errors shown too."""

import pytest

from tests.core.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "submit"), [("th", "ส่งเรื่องร้องเรียน"), ("vi", "Gửi khiếu nại")])
def test_the_complaint_form_is_accessible(browser_page, live_server, language, submit):
    browser_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    assert_accessible(browser_page, live_server.url + "/migrant_workers/complain/")
    assert browser_page.get_attribute("html", "lang") == language
    browser_page.get_by_role("button", name=submit).click()
    browser_page.wait_for_selector("#form-errors")
    assert_accessible(browser_page)
