"""Every public page of the section, its e-mails and its error messages, in each of the six languages.

The source strings are zh-Hant: a message without a translation shows up as Han characters on a page in any
other language. So each page is rendered in each language and its visible text must hold none (the language
switch, which names 繁體中文 in Chinese on purpose, aside).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from migrant_workers import services
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus

from .factories import complaint_data, issued_token

pytestmark = pytest.mark.django_db

WORKER_LANGUAGES = ["en", "id", "vi", "th", "tl"]
# Han ideographs: a zh-Hant message left as it is (full-width punctuation in shared layouts is not a message).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LOCALE = Path(__file__).resolve().parents[2] / "migrant_workers" / "locale"


def visible_text(html: str) -> str:
    # The language switch names each language in itself and labels itself in Chinese too, on purpose.
    html = re.sub(r"<form class=\"language-switch\".*?</form>", "", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def untranslated(html: str) -> list[str]:
    return HAN.findall(visible_text(html))


def _pages(client, language):
    """(name, html) of each public page, as a worker filing in `language` meets them."""
    client.cookies["django_language"] = language
    url = reverse("migrant_workers:complain")
    form_page = client.get(url)
    token = form_page.context["form"]["submission_token"].value()
    yield "form", form_page.content.decode()
    bad = client.post(url, complaint_data(token, phone="", topic=None, consent=None, email="not-an-address"))
    assert bad.status_code == 400
    yield "form with errors", bad.content.decode()
    filed = client.get(client.post(url, complaint_data(issued_token(client), topic="emergency"))["Location"])
    yield "filed", filed.content.decode()
    case = MigrantComplaint.objects.get(language=language)
    code = re.search(r'id="access-code">([^<]+)<', filed.content.decode())[1]
    yield "track", client.get(reverse("track")).content.decode()
    wrong = client.post(reverse("track"), {"case_number": case.case_number, "access_code": "WRONG-CODE-0000"})
    yield "track with a wrong code", wrong.content.decode()
    opened = client.post(reverse("track"), {"case_number": case.case_number, "access_code": code})
    yield "case", client.get(opened["Location"]).content.decode()


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_every_public_page_is_translated(client, language):
    for name, html in _pages(client, language):
        assert f'<html lang="{language}">' in html, name
        assert untranslated(html) == [], f"{name} in {language}: untranslated {untranslated(html)}"


def test_in_chinese_the_pages_are_the_source(client):
    for name, html in _pages(client, "zh-hant"):
        assert '<html lang="zh-Hant-TW">' in html, name
        assert "移工申訴及求助" in html or "案件進度查詢" in html or "申訴已受理" in html, name


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_every_email_is_translated(client, language, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = language
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("migrant_workers:complain"), complaint_data(issued_token(client)))
    case = MigrantComplaint.objects.get()
    for state in (MigrantComplaintStatus.ASSIGNED, MigrantComplaintStatus.SHELTERED, MigrantComplaintStatus.RESOLVED):
        with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):
            services.complaint_advance(case=case, to_state=state)
    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert HAN.findall(message.subject + message.body) == [], message.subject + message.body


def test_the_detector_fails_on_a_message_without_translation():
    with translation.override("vi"):
        from django.template import engines

        html = engines["django"].from_string(
            "{% load i18n %}<p>{% translate '申訴事項' %}</p><p>{% translate '一句沒有翻譯的話' %}</p>").render()
    assert untranslated(html) == ["一句沒有翻譯的話"]


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_each_language_has_its_translation_file_with_no_fuzzy_entry(language):
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text("utf-8")
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()
    assert "#, fuzzy" not in po
    assert language in dict(settings.LANGUAGES)
