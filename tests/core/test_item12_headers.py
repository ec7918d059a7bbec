"""Item 12: Content-Security-Policy without inline code, Permissions-Policy, and no-store on personal pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_item12_every_page_has_a_csp_that_forbids_inline_script_and_style(client):
    for path in ("/", "/accounts/login/", "/violations/", "/admin/login/"):
        policy = _directives(client.get(path)["Content-Security-Policy"])
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[directive], (path, directive)
            # No nonce either, unless the page itself marked an inline block with it.
            assert not any(value.startswith("'nonce-") for value in policy[directive]), (path, directive)
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]


def test_item12_the_api_docs_page_allows_only_its_own_nonced_inline_script(admin_client):
    response = admin_client.get(reverse("api-docs"))
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    nonces = [value for value in policy["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1 and "'unsafe-inline'" not in policy["script-src"]
    nonce = nonces[0][len("'nonce-"):-1]
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.text)
    assert inline_scripts and all(f'nonce="{nonce}"' in attrs for attrs in inline_scripts)


# Inline code the policy would block: a <script> without src, <style> blocks, style="" and on…="" attributes.
INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def _project_templates():
    for directory in [Path(d) for d in settings.TEMPLATES[0]["DIRS"]] + sorted(settings.BASE_DIR.glob("*/templates")) \
            + sorted(settings.BASE_DIR.glob("labor_portal/*/templates")):
        yield from directory.rglob("*.html")


def test_item12_no_template_has_inline_script_or_style(settings):
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path in _project_templates()
        for match in INLINE_CODE.finditer(path.read_text())
        # The Swagger UI page marks its inline blocks with the response's nonce.
        if "csp_nonce" not in path.read_text()[match.start():match.start() + 200]
    ]
    assert offenders == []


def test_item12_permissions_policy_turns_off_camera_microphone_geolocation_payment(client):
    header = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in header


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_item12_pages_of_a_logged_in_user_are_never_stored(client, union_clerk):
    client.force_login(union_clerk)
    for url in (reverse("staff-home"), reverse("admin:index"), reverse("admin:unions_union_changelist"), "/api/v1/"):
        assert _no_store(client.get(url)), url


def test_item12_a_citizens_case_pages_are_never_stored_but_public_pages_may_be(client):
    assert _no_store(client.get(reverse("track")))
    assert _no_store(client.get(reverse("disputes:apply")))
    assert not _no_store(client.get(reverse("home")))
    assert not _no_store(client.get(reverse("violations")))


def test_item12_api_responses_of_an_authenticated_client_are_never_stored(client, union_clerk):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(union_clerk)
    response = api.get("/api/v1/")
    assert response.status_code == 200 and _no_store(response)


# --- In a real browser: the admin and the API docs still work under the policy -----------------------------

VIOLATIONS_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture
def superuser_session(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client.force_login(superuser)
    return client.cookies["sessionid"].value


def _logged_in_page(browser_page, live_server, session):
    browser_page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    browser_page.add_init_script(VIOLATIONS_RECORDER)
    return browser_page


def _violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@pytest.mark.browser
def test_item12_admin_works_under_the_policy(superuser_session, live_server, browser_page):
    page = _logged_in_page(browser_page, live_server, superuser_session)
    for path in ("/admin/", "/admin/unions/union/", "/admin/unions/union/add/"):
        response = page.goto(live_server.url + path)
        assert response.status == 200 and "Content-Security-Policy" in {k.title() for k in response.headers}
        assert _violations(page) == [], path
    # Admin's own JavaScript runs: the date widget's calendar shortcut is drawn by DateTimeShortcuts.js.
    assert page.locator(".datetimeshortcuts").count() > 0
    # The language switch is styled from a file (the label is moved off screen, not inline).
    assert page.locator(".language-switch label").evaluate("el => getComputedStyle(el).position") == "absolute"


@pytest.mark.browser
def test_item12_api_docs_work_under_the_policy(superuser_session, live_server, browser_page):
    page = _logged_in_page(browser_page, live_server, superuser_session)
    page.goto(live_server.url + reverse("api-docs"))
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 5
    assert _violations(page) == []


def test_item12_no_store_when_the_session_cannot_be_read(rf):
    from django.db import OperationalError
    from django.utils.functional import SimpleLazyObject

    from labor_portal.core.headers import shows_personal_data

    def unreadable_session():
        raise OperationalError("the database system is starting up")

    request = rf.get("/staff/")
    request.user = SimpleLazyObject(unreadable_session)
    assert shows_personal_data(request) is True
