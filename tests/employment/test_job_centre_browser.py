"""The public vacancy search meets WCAG 2.1 AA (axe-core) in both languages, and works at a phone's width."""

import pytest
from playwright.sync_api import expect

from tests.core.test_accessibility import assert_accessible
from tests.employment.job_centre_factories import vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def vacancies(transactional_db):
    """Made before the browser starts (tests/conftest.py, browser_page)."""
    return [vacancy(job_title=f"作業員{n}", pay_max=None if n else 32_000) for n in range(3)]


@pytest.fixture
def care_worker_vacancy(transactional_db):
    return vacancy(job_title="照顧服務員")


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_vacancy_search_is_accessible(language, vacancies, live_server, browser_page):
    browser_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    assert_accessible(browser_page, live_server.url + "/employment/vacancies/?district=qianzhen")


def test_the_vacancy_search_fits_a_phone(care_worker_vacancy, live_server, browser_page):
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto(live_server.url + "/employment/vacancies/")
    browser_page.get_by_label("工作地點（行政區）").select_option("qianzhen")
    browser_page.get_by_role("button", name="查詢").click()
    # expect() waits for the results page; is_visible() read the page the moment the click returned.
    expect(browser_page.get_by_role("heading", name="照顧服務員｜港都精密工業有限公司")).to_be_visible()
    overflow = browser_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
