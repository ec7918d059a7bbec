"""Pages meet WCAG 2.1 AA as axe-core checks it (Taiwan's government accessibility standard asks for it)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

# Only the violations are read: axe then skips describing every node that passed (a third of its time).
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}


def assert_accessible(page, url: str | None = None):
    """No WCAG 2.1 AA violation on the page at `url`, or on the page as it is now (a form showing its errors)."""
    if url is not None:
        page.goto(url)
    results = Axe().run(page, options=WCAG_21_AA)
    problems = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}×, e.g. {violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
    ]
    assert problems == [], f"{page.url}\n" + "\n".join(problems)


def test_the_check_names_a_violation(browser_page):
    """Test the test: a picture without a text alternative fails it, named by axe's rule."""
    browser_page.set_content('<html lang="zh-Hant"><title>測試</title><main><img src="a.png"></main></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(browser_page)


@pytest.fixture
def published_penalties(db):
    from tests.inspections.factories import ViolationFactory

    ViolationFactory.create_batch(3)


def test_public_pages_are_accessible(published_penalties, live_server, browser_page):
    for path in ("/", "/accounts/login/", "/violations/", "/violations/?article=24"):
        assert_accessible(browser_page, live_server.url + path)


def test_public_pages_are_accessible_in_english(browser_page, live_server):
    browser_page.goto(live_server.url + "/")
    browser_page.get_by_label("語言 / Language").select_option("en")
    browser_page.get_by_role("button", name="切換").click()
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert_accessible(browser_page, live_server.url + "/")


@pytest.fixture
def official_session(client, official):
    client.force_login(official)
    return client.cookies["sessionid"].value


def test_staff_and_report_pages_are_accessible(official_session, live_server, browser_page):
    browser_page.context.add_cookies([{"name": "sessionid", "value": official_session, "url": live_server.url}])
    for path in ("/staff/", "/reports/"):
        assert_accessible(browser_page, live_server.url + path)


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_new_citizen_and_account_pages_are_accessible_in_each_language(language, live_server, browser_page):
    """Issue 8 and 9 pages: lost access code, staff password reset, tracking, and the portal's own 404."""
    browser_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    for path in ("/track/", "/track/lost-code/", "/accounts/password-reset/", "/no-such-page/"):
        assert_accessible(browser_page, live_server.url + path)
    assert browser_page.locator("html").get_attribute("lang").lower().startswith(language)
