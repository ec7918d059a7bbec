"""The complaint pages run the case kit's one citizen script (labor_portal/cases/static/cases/citizen.js, shared
with disputes and migrant workers) from its own file: the Content-Security-Policy allows no inline script."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from .complaints_helpers import form_data, isolated, post_form  # noqa: F401

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


@pytest.mark.parametrize("slug", ["discrimination", "harassment", "scam"])
def test_the_form_and_result_pages_load_the_kits_script_and_nothing_inline(client, slug):
    form_page = client.get(reverse(f"employment:{slug}-apply"))
    assert post_form(client, slug, form_data(slug)).status_code == 302
    filed_page = client.get(reverse(f"employment:{slug}-filed"))
    for response in (form_page, filed_page):
        html = response.text
        assert 'src="/static/cases/citizen.js"' in html and "disputes/citizen.js" not in html
        assert not INLINE_SCRIPT.search(html) and "onclick" not in html
        script_src = next(part for part in response["Content-Security-Policy"].split(";")
                          if part.strip().startswith("script-src"))
        assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert finders.find("cases/citizen.js") and not finders.find("disputes/citizen.js")
