"""A record the model's constraints refuse is refused by the API with a 400 and a message (ModelCleanMixin checks
the constraints, labor_portal.core.api), never the database's IntegrityError as a 500: a seminar of 0 sessions."""

import pytest

from employment.models import AntiDiscriminationSeminar

pytestmark = pytest.mark.django_db

URL = "/api/v1/employment/anti-discrimination-seminars/"
SEMINAR = {"title": "防制就業歧視宣導會", "held_on": "2020-05-01", "place": "勞工局", "participants": 30}


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("employment"))
    return client


def _refusal(response) -> str:
    """The refusal's messages, whichever field they are given under."""
    assert response.status_code == 400, response.content[:500]
    assert "__all__" not in response.json()  # DRF's non_field_errors, as its own refusals
    return " ".join(message for messages in response.json().values() for message in messages)


def test_a_seminar_of_no_session_is_refused_with_a_message(clerk_client):
    response = clerk_client.post(URL, {**SEMINAR, "sessions": 0}, content_type="application/json")
    assert "1" in _refusal(response)  # at least one session
    assert not AntiDiscriminationSeminar.objects.exists()


def test_changing_a_seminar_to_no_session_is_refused_and_leaves_it_as_it_was(clerk_client):
    seminar = clerk_client.post(URL, {**SEMINAR, "sessions": 2}, content_type="application/json")
    assert seminar.status_code == 201
    detail = f"{URL}{seminar.json()['id']}/"
    assert "1" in _refusal(
        clerk_client.patch(detail, {"sessions": 0}, content_type="application/json"))
    assert AntiDiscriminationSeminar.objects.get().sessions == 2
    assert clerk_client.patch(detail, {"sessions": 3}, content_type="application/json").status_code == 200
    assert AntiDiscriminationSeminar.objects.get().sessions == 3
