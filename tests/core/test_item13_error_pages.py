"""Item 13: the portal's own error pages, in the visitor's language; a 500 tells a citizen nothing was filed."""

import uuid

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import path, reverse

from labor_portal.core import views
from labor_portal.urls import urlpatterns as portal_urlpatterns


def _broken_view(request):
    raise RuntimeError("a bug")


def _database_down_view(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: the database system is starting up")


# This module is the URLconf of the tests marked `urls`: the portal's URLs plus two that fail.
urlpatterns = [*portal_urlpatterns, path("boom/", _broken_view), path("db-down/", _database_down_view)]
handler500 = views.server_error
english = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def browser_client():
    """A browser: the error reaches the handler instead of being raised into the test."""
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_item13_a_case_url_in_a_new_session_shows_the_portal_404_in_chinese(client):
    response = client.get(reverse("disputes:case", args=[uuid.uuid4()]))
    assert response.status_code == 404
    assert '<html lang="zh-Hant-TW">' in response.text and 'class="site-header"' in response.text
    assert "找不到這個頁面" in response.text and f'href="{reverse("track")}"' in response.text


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_item13_the_404_page_speaks_english_to_an_english_browser(client):
    response = client.get("/no-such-page/", **english)
    assert response.status_code == 404
    assert '<html lang="en">' in response.text and "Page not found" in response.text


# No database mark: pytest-django refuses every query, so these prove the 500 page never touches the database.
@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
def test_item13_a_server_error_tells_a_citizen_in_chinese_that_nothing_was_filed(browser_client):
    response = browser_client.get("/boom/")
    assert response.status_code == 500
    assert '<html lang="zh-Hant-TW">' in response.text and 'class="site-header"' in response.text
    assert "這次並沒有送出" in response.text and "請稍候一兩分鐘再送出一次" in response.text
    assert "Server Error (500)" not in response.text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
def test_item13_a_server_error_in_english(browser_client):
    response = browser_client.get("/boom/", **english)
    assert response.status_code == 500
    assert "nothing was sent" in response.text


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
def test_item13_the_database_restarting_answers_503_with_retry_after(browser_client):
    response = browser_client.post("/db-down/", {"name": "王小明"})
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "系統暫停服務" in response.text and "這次並沒有送出" in response.text


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_item13_the_403_page_is_the_portals(client, make_staff):
    client.force_login(make_staff("disputes"))
    response = client.get(reverse("admin:unions_union_changelist"))
    assert response.status_code == 403
    assert 'class="site-header"' in response.text and "沒有權限" in response.text


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_item13_an_expired_form_says_so_in_the_visitors_language(db):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("track"), {"case_number": "109-D-000001", "access_code": "x"})
    assert response.status_code == 403
    assert 'class="site-header"' in response.text and "表單已過期" in response.text
    response = browser.post(reverse("track"), {"case_number": "109-D-000001"}, **english)
    assert "This form has expired" in response.text


@pytest.mark.django_db
def test_item13_the_rate_limit_page_speaks_english_too(rf):
    from django.utils import translation

    with translation.override("en"):
        request = rf.get("/")
        request.user = None
        response = views.rate_limited(request)
    assert response.status_code == 429 and "Please wait" in response.content.decode()


@pytest.mark.browser
@override_settings(DEBUG=False)
def test_item13_the_404_page_is_accessible(live_server, browser_page):
    from tests.core.test_accessibility import assert_accessible

    assert_accessible(browser_page, live_server.url + f"/disputes/track/{uuid.uuid4()}/")
