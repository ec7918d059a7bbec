"""The blank complaint forms are rendered once per process, form and language (employment/complaint.html, as
disputes/apply.html): every visitor gets the page as rendered afresh, with tokens of their own, and a form sent
back with errors (what someone typed) is never kept nor served from memory."""

import re

import pytest
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.test import Client
from django.urls import reverse

from .complaints_helpers import form_data, isolated, post_form  # noqa: F401

pytestmark = pytest.mark.django_db

SLUGS = ("discrimination", "harassment", "scam")
TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_token)" value=")[^"]+"')


@pytest.fixture(autouse=True)
def nothing_rendered_yet(settings):
    # As in production (DEBUG off); the development settings keep nothing, so that template edits show.
    settings.CACHES = {**settings.CACHES, "rendered_once": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "complaint-rendered-once-test",
    }}
    caches["rendered_once"].clear()
    yield
    caches["rendered_once"].clear()


def _kept(slug, language="zh-hant"):
    return caches["rendered_once"].get(make_template_fragment_key("employment_complaint_blank", [slug, language]))


def _blank_page(client, slug) -> str:
    response = client.get(reverse(f"employment:{slug}-apply"))
    assert response.status_code == 200
    return response.text


def _english():
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.mark.parametrize("slug", SLUGS)
def test_a_blank_form_from_memory_is_the_page_as_rendered_afresh_with_tokens_of_its_own(slug):
    first = _blank_page(Client(), slug)
    assert _kept(slug) is not None
    second = _blank_page(Client(), slug)
    assert TOKENS.sub(r"\1…", first) == TOKENS.sub(r"\1…", second)
    tokens = [re.search(r'name="submission_token" value="([^"]+)"', page).group(1) for page in (first, second)]
    assert tokens[0] != tokens[1]
    assert 'name="website"' in second and 'name="consent"' in second and 'name="complainant_name"' in second


def test_each_form_and_language_is_kept_apart():
    pages = {(slug, "zh-hant"): _blank_page(Client(), slug) for slug in SLUGS}
    pages |= {(slug, "en"): _blank_page(_english(), slug) for slug in SLUGS}
    kept = {key: _kept(*key) for key in pages}
    assert all(kept.values()) and len(set(kept.values())) == 6
    assert 'name="grounds"' in pages["discrimination", "zh-hant"] and 'name="grounds"' not in pages["scam", "zh-hant"]
    assert 'name="acknowledge_late"' in pages["harassment", "en"]
    assert 'name="acknowledge_late"' not in pages["discrimination", "en"]
    assert "個人資料" in kept["scam", "zh-hant"] and "個人資料" not in kept["scam", "en"]
    assert "<legend>Complainant</legend>" in kept["scam", "en"] and "personal data" in kept["scam", "en"]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_form_sent_back_with_errors_is_never_served_from_nor_kept_in_memory(client, slug):
    blank = _blank_page(Client(), slug)  # the blank form is in memory first
    refused = post_form(client, slug, form_data(slug, consent="", complainant_name="林美玲",
                                                account="經理說已婚者不予錄用"))
    assert refused.status_code == 400
    # The citizen who typed it gets it back, with the error at the box, not the blank form from memory.
    assert "林美玲" in refused.text and "經理說已婚者不予錄用" in refused.text
    assert 'id="id_consent_error"' in refused.text and 'aria-invalid="true"' in refused.text
    assert "林美玲" not in blank
    again = _blank_page(Client(), slug)
    assert "林美玲" not in again and "經理說已婚者不予錄用" not in again and "aria-invalid" not in again
    assert "林美玲" not in _kept(slug)


def test_a_form_refused_while_nothing_is_in_memory_puts_nothing_there(client):
    token = client.get(reverse("employment:harassment-apply")).context["form"]["submission_token"].value()
    caches["rendered_once"].clear()
    refused = client.post(reverse("employment:harassment-apply"),
                          form_data("harassment", token=token, consent="", respondent_name="張志豪"))
    assert refused.status_code == 400 and "張志豪" in refused.text
    assert _kept("harassment") is None
    assert "張志豪" not in _blank_page(Client(), "harassment")
