"""The public vacancy search meets WCAG 2.1 AA (axe-core) in both languages, and works at a phone's width."""

import pytest

from tests.core.test_accessibility import assert_accessible
from tests.employment.job_centre_factories import vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_vacancy_search_is_accessible(language, live_server, browser_page):
    for n in range(3):
        vacancy(job_title=f"作業員{n}", pay_max=None if n else 32_000)
    browser_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    assert_accessible(browser_page, live_server.url + "/employment/vacancies/?district=qianzhen")


def test_the_vacancy_search_fits_a_phone(live_server, browser_page):
    vacancy(job_title="照顧服務員")
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto(live_server.url + "/employment/vacancies/")
    browser_page.get_by_label("工作地點（行政區）").select_option("qianzhen")
    browser_page.get_by_role("button", name="查詢").click()
    assert browser_page.get_by_role("heading", name="照顧服務員｜港都精密工業有限公司").is_visible()
    overflow = browser_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
