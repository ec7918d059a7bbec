"""Item 13 (the mediation application): an outage files nothing and keeps the form; errors link to their
fields; co-applicants open on request; no inline script; result pages and e-mail in the page's language."""

import re
from datetime import date
from unittest import mock

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.db import InterfaceError, OperationalError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from disputes import services
from disputes.models import DisputeCase

from .factories import file_case, form_data, issued_token, pdf

pytestmark = pytest.mark.django_db(transaction=True)

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def _post(client, files=(), **overrides):
    data = {**form_data(token=issued_token(client), **overrides)}
    if files:
        data["attachments"] = list(files)
    return client.post(reverse("disputes:apply"), data)


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_item13_a_database_outage_files_nothing_and_keeps_the_form(client, error):
    with mock.patch.object(services, "_dispute_case_create", side_effect=error):
        response = _post(client, files=[pdf()])
    assert response.status_code == 503
    assert "您的申請尚未送出" in response.text and "Server Error" not in response.text
    assert 'value="王小明"' in response.text and "雇主積欠三個月工資。" in response.text
    assert "您選擇的附件未保留，請重新選擇" in response.text
    assert DisputeCase.objects.count() == 0
    # Sending the same form again once the database is back files it, once.
    assert client.post(reverse("disputes:apply"), form_data(
        token=response.context["form"]["submission_token"].value())).status_code == 302
    assert DisputeCase.objects.count() == 1


def test_item13_the_outage_message_is_in_english_on_the_english_page(client):
    _english(client)
    with mock.patch.object(services, "_dispute_case_create", side_effect=OperationalError("gone")):
        response = _post(client)
    assert response.status_code == 503 and "nothing was filed" in response.text


def test_item13_a_filing_with_the_session_store_down_too_gets_the_page_not_a_500(client):
    token = issued_token(client)
    session_down = mock.patch("django.contrib.sessions.backends.db.SessionStore.load",
                              side_effect=OperationalError("gone"))
    with session_down, mock.patch.object(services, "_dispute_case_create", side_effect=OperationalError("gone")):
        response = client.post(reverse("disputes:apply"), form_data(token=token))
    assert response.status_code == 503 and "您的申請尚未送出" in response.text
    assert DisputeCase.objects.count() == 0


def test_item13_a_filing_does_not_need_the_session_store(client):
    """The submission token is bound to the browser by a cookie, not the session: a session table that cannot
    be read loses no filing."""
    token = issued_token(client)
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=OperationalError("gone")):
        response = client.post(reverse("disputes:apply"), form_data(token=token))
    assert response.status_code == 302 and DisputeCase.objects.count() == 1


def test_item13_the_error_box_links_to_each_field_in_error(client):
    response = _post(client, **{"applicants-0-personal_id": "A123456788", "consent": ""})
    box = response.text.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_applicants-0-personal_id">申請人－身分證統一編號或居留證號碼：' in box
    assert '<a href="#id_consent">' in box and 'id="id_consent"' in response.text


def test_item13_the_error_box_names_the_co_applicant_in_english_too(client):
    _english(client)
    response = _post(client, **{"applicants-0-personal_id": "A123456788",
                                "applicants-1-name": "林美玲", "applicants-1-personal_id": "B223456783"})
    assert '<a href="#id_applicants-0-personal_id">Applicant – ' in response.text
    assert '<a href="#id_applicants-1-personal_id">Co-applicant 2 – ' in response.text


def test_item13_a_dropped_attachment_is_said_so_next_to_the_field(client):
    response = _post(client, files=[pdf()], **{"applicants-0-name": ""})
    assert response.status_code == 400
    field = response.text.split('id="id_attachments"', 1)[1]
    assert "您選擇的附件未保留，請重新選擇" in field.split("</fieldset>", 1)[0]
    assert "您選擇的附件未保留" not in _post(client, **{"applicants-0-name": ""}).text


def test_item13_co_applicants_open_only_on_request(client):
    html = client.get(reverse("disputes:apply")).text
    assert html.count('<details class="co-applicant">') == 2 and "<details class=\"co-applicant\" open>" not in html
    response = _post(client, **{"applicants-1-name": "林美玲"})  # incomplete: the form comes back
    assert response.text.count('<details class="co-applicant" open>') == 1


def test_item13_no_inline_script_on_the_citizen_pages(client):
    apply_page = client.get(reverse("disputes:apply")).text
    _post(client)
    filed_page = client.get(reverse("disputes:filed")).text
    for html in (apply_page, filed_page):
        assert not INLINE_SCRIPT.search(html) and "onclick" not in html and "<style" not in html
        assert "cases/citizen.js" in html
    assert finders.find("cases/citizen.js") and finders.find("disputes/citizen.css")


def test_item13_the_english_result_page_has_english_categories_and_gregorian_dates(client):
    _english(client)
    _post(client, **{"claims-0-amount": "84000"})
    html = client.get(reverse("disputes:filed")).text
    today = timezone.localdate()
    with override("en"):
        assert date_format(today, "DATE_FORMAT") in html
    assert "Wages" in html and "工資爭議" not in html and f"{today.year - 1911}年" not in html
    assert "NT$84,000" in html


def test_item13_the_zh_hant_result_page_keeps_roc_dates_and_separates_thousands(client):
    _post(client, **{"claims-0-amount": "84000"})
    html = client.get(reverse("disputes:filed")).text
    today = timezone.localdate()
    assert f"{today.year - 1911}年{today.month}月{today.day}日" in html
    assert "NT$84,000" in html and "工資爭議" in html


def test_item13_the_english_case_page_and_email_use_english_labels_and_dates(client):
    _english(client)
    with override("en"):
        filed = file_case(filed_on=date(2020, 3, 2))
    services.dispute_case_assign(case=filed.case, channel="committee", mediation_body="委員會",
                                 assigned_on=date(2020, 3, 5))
    client.post(reverse("track"), {"case_number": filed.case.case_number, "access_code": filed.access_code})
    html = client.get(reverse("disputes:case", args=[filed.case.pk])).text
    assert "March 2, 2020" in html and "Mediation committee" in html and "Wages" in html
    assert "109年" not in html and "調解委員會" not in html
    # The filing's confirmation (the assignment's status e-mail follows it).
    body = next(email.body for email in mail.outbox if "application received" in email.subject)
    assert "March 2, 2020" in body and "Wages" in body and "109年" not in body
