"""The blank application form is rendered once per process and language (disputes/apply.html): every visitor
still gets the same page, in their language, with tokens of their own, and never what someone else typed."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from .factories import form_data, issued_token

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# The settings alone (not django.setup(): a second a process) name the cache's backend.
SHOW_BACKEND = "from labor_portal import settings; print(settings.CACHES['rendered_once']['BACKEND'].rsplit('.', 1)[1])"
TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_token)" value=")[^"]+"')


@pytest.fixture(autouse=True)
def nothing_rendered_yet(settings):
    # As in production (DEBUG off); the development settings keep nothing, so that template edits show.
    settings.CACHES = {**settings.CACHES, "rendered_once": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rendered-once-test",
    }}
    caches["rendered_once"].clear()
    yield
    caches["rendered_once"].clear()


def test_production_keeps_the_blank_form_in_memory_and_development_does_not():
    production = subprocess.run(
        [sys.executable, "-c", SHOW_BACKEND], env={**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 50},
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    development = subprocess.run([sys.executable, "-c", SHOW_BACKEND], env={**os.environ, "DEBUG": "true"},
                                 cwd=ROOT, capture_output=True, text=True, check=True)
    assert production.stdout.strip() == "LocMemCache" and development.stdout.strip() == "DummyCache"


def _blank_page(client) -> str:
    response = client.get(reverse("disputes:apply"))
    assert response.status_code == 200
    return response.text


def test_a_blank_form_from_memory_is_the_page_as_rendered_afresh():
    first, second = _blank_page(Client()), _blank_page(Client())
    assert TOKENS.sub(r"\1…", first) == TOKENS.sub(r"\1…", second)
    assert 'name="applicants-0-name"' in second and second.count('<details class="co-applicant">') == 2


def test_each_visitor_gets_tokens_of_their_own():
    first, second = _blank_page(Client()), _blank_page(Client())
    tokens = [re.search(r'name="submission_token" value="([^"]+)"', page).group(1) for page in (first, second)]
    assert tokens[0] != tokens[1]


def test_what_one_citizen_typed_never_shows_in_anothers_blank_form(client):
    refused = client.post(reverse("disputes:apply"), form_data(
        token=issued_token(client), consent="", **{"applicants-0-name": "林美玲", "account": "工頭未付加班費"},
    ))
    assert refused.status_code == 400 and "林美玲" in refused.text  # sent back to the one who typed it
    page = _blank_page(Client())
    assert "林美玲" not in page and "工頭未付加班費" not in page and 'aria-invalid' not in page


def test_the_blank_form_is_in_each_visitors_language():
    assert "個人資料告知事項" in _blank_page(Client())
    english = Client()
    english.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = _blank_page(english)
    assert "Personal-data notice" in page and "Account of the dispute" in page and "個人資料告知事項" not in page
