"""Item 5: a submission token gives back a case only to the browser that filed with it."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from disputes.models import DisputeCase
from disputes.views import FILED_COOKIE

from .factories import form_data, issued_token

pytestmark = pytest.mark.django_db(transaction=True)

VICTIM_NAME = "王小明"


def _file(client, token, **overrides):
    return client.post(reverse("disputes:apply"), form_data(token=token, **overrides))


def test_item5_a_token_replayed_from_another_browser_hands_over_nothing(client):
    token = issued_token(client)
    _file(client, token)
    case = DisputeCase.objects.get()
    attacker = Client()
    response = _file(attacker, token, **{"applicants-0-name": "攻擊者", "applicants-0-email": "x@example.tw"})
    assert response.status_code == 400
    assert "表單已失效" in response.text
    assert case.case_number not in response.text and VICTIM_NAME not in response.text
    assert FILED_COOKIE not in response.cookies
    # Nothing to see on the result page either, and nothing filed in the attacker's name with that token.
    assert attacker.get(reverse("disputes:filed")).status_code == 302
    assert DisputeCase.objects.count() == 1


def test_item5_a_refused_token_keeps_the_data_and_a_fresh_token_files_once(client):
    response = _file(client, "t" * 32)  # a token this browser was never given (an expired session, say)
    assert response.status_code == 400 and DisputeCase.objects.count() == 0
    assert 'value="王小明"' in response.text
    fresh = response.context["form"]["submission_token"].value()
    assert fresh != "t" * 32
    assert _file(client, fresh).status_code == 302
    assert DisputeCase.objects.count() == 1


def test_item5_the_same_browser_sending_again_still_gets_its_one_case(client):
    token = issued_token(client)
    _file(client, token)
    first = client.get(reverse("disputes:filed")).context
    _file(client, token, **{"applicants-0-name": "別人"})
    second = client.get(reverse("disputes:filed")).context
    assert DisputeCase.objects.count() == 1
    assert (first["case"].pk, first["access_code"]) == (second["case"].pk, second["access_code"])


def test_item5_a_copied_filed_cookie_shows_no_access_code_in_another_session(client):
    _file(client, issued_token(client))
    code = client.get(reverse("disputes:filed")).context["access_code"]
    stranger = Client()
    stranger.cookies[FILED_COOKIE] = client.cookies[FILED_COOKIE].value
    response = stranger.get(reverse("disputes:filed"))
    assert response.status_code == 302 and response["Location"] == reverse("disputes:apply")
    assert code not in stranger.get(reverse("disputes:filed"), follow=True).text


def test_item5_the_filed_cookie_lasts_minutes_not_an_hour(client):
    response = _file(client, issued_token(client))
    assert int(response.cookies[FILED_COOKIE]["max-age"]) <= 10 * 60


def test_item5_the_filed_cookie_is_refused_after_ten_minutes(client, monkeypatch):
    _file(client, issued_token(client))
    assert client.get(reverse("disputes:filed")).status_code == 200
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 10 * 60 + 5)
    assert client.get(reverse("disputes:filed")).status_code == 302


@pytest.mark.parametrize("page", ["apply", "apply-post", "filed"])
def test_item5_apply_and_filed_pages_are_never_stored(client, page):
    token = issued_token(client)
    if page == "apply":
        response = client.get(reverse("disputes:apply"))
    elif page == "apply-post":
        response = _file(client, token, **{"applicants-0-personal_id": "A123456788"})
    else:
        _file(client, token)
        response = client.get(reverse("disputes:filed"))
    assert "no-store" in response["Cache-Control"]
