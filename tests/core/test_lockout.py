"""Issue 8 item 1: staff are locked by username + address, and the lockout page says until when and whom to call."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

PROXY = "172.18.0.5"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = []
    settings.STAFF_HELPDESK = "資訊室 分機 9999"


def _attempt(client, username, password, visitor="203.0.113.7"):
    return client.post(
        reverse("login"), {"username": username, "password": password},
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor,
    )


def test_item1_one_clerks_bad_passwords_do_not_lock_out_the_others(client, union_clerk, make_staff):
    make_staff("disputes", username="colleague")
    for _ in range(5):
        _attempt(client, "unions-user", "wrong")
    # Same office address, another clerk: still let in.
    response = _attempt(client, "colleague", "a-long-test-password")
    assert response.status_code == 302


def test_item1_the_locked_clerk_is_locked_only_from_that_address(client, union_clerk):
    for _ in range(5):
        _attempt(client, "unions-user", "wrong", visitor="203.0.113.7")
    assert _attempt(client, "unions-user", "a-long-test-password", visitor="203.0.113.7").status_code == 429
    assert _attempt(client, "unions-user", "a-long-test-password", visitor="198.51.100.20").status_code == 302


def test_item1_the_lockout_is_recorded_against_the_visitor_not_the_proxy(client, union_clerk):
    _attempt(client, "unions-user", "wrong", visitor="203.0.113.7")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_item1_the_lockout_page_says_until_when_and_whom_to_call(client, union_clerk):
    for _ in range(5):
        response = _attempt(client, "unions-user", "wrong")
    assert response.status_code == 429
    from labor_portal.core.accounts import local_time_label

    last_failure = AccessAttempt.objects.get().attempt_time
    until = local_time_label(last_failure + timedelta(minutes=30))
    assert until.startswith("民國")
    assert until in response.text
    assert "台北時間" in response.text
    assert "資訊室 分機 9999" in response.text
    assert reverse("password_reset") in response.text


def test_item1_waiting_does_not_move_the_end_of_the_lockout(client, union_clerk):
    for _ in range(5):
        first = _attempt(client, "unions-user", "wrong")
    later = _attempt(client, "unions-user", "wrong")
    assert later.status_code == 429
    assert first.context["locked_until"] == later.context["locked_until"]


def test_item1_the_lockout_page_in_english(client, union_clerk):
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = _attempt(client, "unions-user", "wrong")
    assert "Taipei time" in response.text
    assert "民國" not in response.context["locked_until"]


def test_local_time_label_is_taipei_time_in_both_calendars():
    from django.utils import translation

    from labor_portal.core.accounts import local_time_label

    moment = datetime(2026, 3, 2, 6, 35, tzinfo=ZoneInfo("UTC"))
    with translation.override("zh-hant"):
        assert local_time_label(moment) == "民國115年3月2日 14:35"
    with translation.override("en"):
        assert local_time_label(moment) == "2 March 2026, 14:35"
