"""Valid complaint data and filed complaints, for the tests/employment/test_complaints_*.py tests."""

from datetime import date, timedelta
from importlib import import_module

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from employment import services
from employment.models import DiscriminationComplaint, HarassmentComplaint, ScamComplaint
from employment.timelimits import years_after

VALID_ID = "A123456789"
VALID_BUSINESS_NUMBER = "04595257"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
MODELS = {"discrimination": DiscriminationComplaint, "harassment": HarassmentComplaint, "scam": ScamComplaint}


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path, request):
    """Attachments go to a temporary MEDIA_ROOT; rate limits start afresh; the dated rules the migration seeds are
    there (a transactional test's flush removes rows written by migrations). Import it into each test module."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    if request.node.get_closest_marker("django_db"):
        _seed_rules()


def _seed_rules():
    from django.apps import apps

    from employment.timelimits import harassment_time_limits_seed

    migration = import_module("employment.migrations.0002_complaint_rules")
    harassment_time_limits_seed(apps)
    migration.forward(apps, None)


def pdf(name="ad.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def png(name="screenshot.png"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


COMMON = {
    "website": "", "consent": "on",
    "complainant_name": "王小明", "complainant_personal_id": VALID_ID, "complainant_phone": "0912345678",
    "complainant_email": "ming@example.tw", "complainant_address": "高雄市苓雅區四維三路2號",
    "employer_name": "示範股份有限公司", "employer_business_number": VALID_BUSINESS_NUMBER,
    "employer_address": "", "employer_contact": "07-1234567",
    "account": "面試時被告知只錄取男性。",
}


def learned_on_for_deadline(last_day: date, years: int) -> date:
    """The day of learning whose `years`-year limit ends on `last_day`."""
    day = last_day - timedelta(days=366 * years + 5)
    while years_after(day, years) < last_day:
        day += timedelta(days=1)
    assert years_after(day, years) == last_day
    return day


def form_data(slug: str, token: str = "t" * 32, **overrides) -> dict:
    today = timezone.localdate()
    data = {**COMMON, "submission_token": token}
    if slug == "discrimination":
        data.update({"grounds": ["gender", "age"], "job_title": "倉管人員", "incident_on": "2020-03-02"})
    elif slug == "harassment":
        data.update({"complainant_role": "employee", "route": "top_manager", "respondent_name": "陳大同",
                     "respondent_title": "董事長", "act_ended_on": (today - timedelta(days=30)).isoformat(),
                     "learned_on": (today - timedelta(days=30)).isoformat(),
                     "account": "董事長多次在辦公室對我有不當肢體接觸。"})
    else:
        data.update({"ad_source": "social", "ad_url": "https://example.tw/jobs/1",
                     "ad_text": "輕鬆工作日領3000，需先繳保證金", "account": "面試時要求先繳保證金 5,000 元。"})
    data.update(overrides)
    return data


def issued_token(client, slug: str) -> str:
    return client.get(reverse(f"employment:{slug}-apply")).context["form"]["submission_token"].value()


def post_form(client, slug: str, data: dict, **kwargs):
    """Post as a browser that opened the page first (a test's own token, for replays, is kept)."""
    if data["submission_token"] == "t" * 32:
        data = {**data, "submission_token": issued_token(client, slug)}
    return client.post(reverse(f"employment:{slug}-apply"), data, **kwargs)


def fields(slug: str, **overrides) -> dict:
    """The model fields the service takes, for filing without the web form."""
    base = {name: COMMON[name] for name in COMMON if name not in ("website", "consent")}
    if slug == "discrimination":
        base.update({"grounds": ["age"], "other_acts": []})
    elif slug == "harassment":
        base.update({"route": "employer_failed", "respondent_name": "陳大同", "act_ended_on": date(2024, 6, 1),
                     "learned_on": date(2024, 6, 1)})
    else:
        base.update({"ad_text": "高薪免經驗"})
    base.update(overrides)
    return base


def file_complaint(slug: str, *, filed_on=date(2024, 7, 1), token=None, files=(), **overrides):
    return services.complaint_file(model=MODELS[slug], fields=fields(slug, **overrides), files=files,
                                   submission_token=token, filed_on=filed_on)
