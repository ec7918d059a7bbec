"""A new section's complaint form gets the kit's safeguards by declaring only its forms and its service."""

import pytest
from django import forms
from django.db import OperationalError
from django.http import JsonResponse
from django.test import Client, override_settings
from django.urls import path

from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.forms import CitizenFilingForm
from labor_portal.urls import urlpatterns as portal_urlpatterns

FILED: list[dict] = []


class ComplaintForm(CitizenFilingForm):
    summary = forms.CharField(max_length=100)


class _Case:
    pk = "c0ffee"


class ComplaintView(CitizenFilingView):
    section = "complaints_test"
    template_name = "cases/track.html"  # any page that renders `form`
    filed_url_name = "complaint-filed"

    def get_forms(self, data=None, files=None, token=None):
        return (ComplaintForm(data, files, initial={"submission_token": token}),)

    def file(self, forms):
        FILED.append(forms[0].cleaned_data)
        return _Case(), "ABCD-EFGH-JKMN"


def _filed(request):
    return JsonResponse(filed_cookie_read(request, section="complaints_test") or {})


urlpatterns = [
    path("complaint/", ComplaintView.as_view(), name="complaint"),
    path("complaint/filed/", _filed, name="complaint-filed"),
    *portal_urlpatterns,  # the page's header and footer link to the site's pages
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture(autouse=True)
def _no_complaints():
    FILED.clear()


def _token(client) -> str:
    return client.get("/complaint/").context["form"]["submission_token"].value()


def test_a_complaint_with_this_browsers_token_is_filed_and_its_code_shown_once_here(client):
    response = client.post("/complaint/", {"summary": "欠薪", "submission_token": _token(client), "website": ""})
    assert response.status_code == 302 and len(FILED) == 1
    assert client.get("/complaint/filed/").json()["code"] == "ABCD-EFGH-JKMN"
    stranger = Client()
    stranger.cookies["complaints_test_filed"] = client.cookies["complaints_test_filed"].value
    assert stranger.get("/complaint/filed/").json() == {}


def test_a_token_from_another_browser_files_nothing(client):
    token = _token(Client())
    response = client.post("/complaint/", {"summary": "欠薪", "submission_token": token, "website": ""})
    assert response.status_code == 400 and "表單已失效" in response.text and FILED == []


def test_the_honeypot_drops_the_filing(client):
    response = client.post("/complaint/", {"summary": "x", "submission_token": _token(client), "website": "spam"})
    assert response.status_code == 400 and FILED == []


@override_settings(RATE_LIMITS={"complaints_test.apply": "2/m"})
def test_filings_are_rate_limited_per_address(client):
    codes = [client.post("/complaint/", {"summary": "x", "submission_token": "t" * 32}).status_code
             for _ in range(3)]
    assert codes == [400, 400, 429]


def test_with_the_database_gone_the_page_says_so_and_keeps_what_was_typed(client, monkeypatch):
    token = _token(client)
    monkeypatch.setattr(ComplaintView, "file", lambda self, forms: (_ for _ in ()).throw(OperationalError("gone")))
    response = client.post("/complaint/", {"summary": "欠薪三個月", "submission_token": token, "website": ""})
    assert response.status_code == 503 and "欠薪三個月" in response.text
