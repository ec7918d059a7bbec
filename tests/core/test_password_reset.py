"""Issue 8 item 1: staff reset a forgotten password by e-mail."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.core.test_lockout import _attempt


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def clerk_with_email(union_clerk):
    union_clerk.email = "clerk@kcg.gov.tw"
    union_clerk.save()
    return union_clerk


def _ask(client, email, visitor="203.0.113.7"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=visitor)


def test_item1_the_login_page_links_to_the_password_reset(client, db):
    response = client.get(reverse("login"))
    assert reverse("password_reset") == "/accounts/password-reset/"
    assert 'href="/accounts/password-reset/"' in response.text


def test_item1_a_clerk_resets_the_password_by_email_and_logs_in(client, clerk_with_email):
    response = _ask(client, "clerk@kcg.gov.tw")
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clerk@kcg.gov.tw"]
    assert "重設密碼" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    assert "設定新密碼" in form_page.text
    new_password = "another-long-pass-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done["Location"] == reverse("password_reset_complete")
    assert _attempt(client, "unions-user", new_password).status_code == 302


def test_item1_the_answer_is_the_same_whether_or_not_the_address_has_an_account(client, clerk_with_email):
    known = _ask(client, "clerk@kcg.gov.tw")
    unknown = _ask(client, "nobody@example.com", visitor="203.0.113.8")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_item1_accounts_that_are_not_staff_get_no_reset_mail(client, django_user_model, db):
    django_user_model.objects.create_user(username="not-staff", email="someone@example.com", password="x" * 12)
    _ask(client, "someone@example.com")
    assert mail.outbox == []


def test_item1_the_reset_request_is_rate_limited_per_address(client, clerk_with_email):
    for _ in range(5):
        assert _ask(client, "clerk@kcg.gov.tw").status_code == 302
    assert _ask(client, "clerk@kcg.gov.tw").status_code == 429
    assert len(mail.outbox) == 5
    assert _ask(client, "clerk@kcg.gov.tw", visitor="203.0.113.99").status_code == 302


def test_item1_resetting_the_password_lifts_the_lockout(client, clerk_with_email, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        _attempt(client, "unions-user", "wrong")
    _ask(client, "clerk@kcg.gov.tw")
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "another-long-pass-2026", "new_password2": "another-long-pass-2026"})
    assert _attempt(client, "unions-user", "another-long-pass-2026").status_code == 302


def test_item1_a_used_link_says_so_and_whom_to_call(client, clerk_with_email, settings):
    settings.STAFF_HELPDESK = "資訊室 分機 9999"
    response = client.get("/accounts/password-reset/MQ/bad-token/")
    assert "這個重設密碼連結無效" in response.text
    assert "資訊室 分機 9999" in response.text


def test_item1_the_admin_login_page_links_to_the_same_reset(client, db):
    response = client.get("/admin/login/")
    assert 'href="/admin/password-reset/"' in response.text
    assert client.get("/admin/password-reset/")["Location"] == reverse("password_reset")
