"""Item 4: /staff/ answers for every role, the superuser included, and links only admin pages that exist."""

import re

import pytest
from django.urls import resolve, reverse

from labor_portal.core.sections import section_roles

ROLES = [*section_roles(), "officials", "administrators"]


def _section_links(html: str) -> list[str]:
    return re.findall(r'<h3><a href="([^"]+)"', html)


def _assert_links_resolve(client, html: str):
    for url in _section_links(html):
        assert resolve(url).url_name == "app_list"
        assert client.get(url).status_code == 200, url


def test_item4_staff_home_answers_the_superuser(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client.force_login(superuser)
    response = client.get(reverse("staff-home"))
    assert response.status_code == 200
    # Every section is listed for the superuser; those with admin models are links that open.
    for title in ("勞工組織", "勞資關係", "就業安全"):
        assert title in response.text
    assert reverse("admin:app_list", args=["unions"]) in _section_links(response.text)
    _assert_links_resolve(client, response.text)


@pytest.mark.parametrize("role", ROLES)
def test_item4_staff_home_answers_every_role(client, make_staff, role):
    client.force_login(make_staff(role))
    response = client.get(reverse("staff-home"))
    assert response.status_code == 200
    _assert_links_resolve(client, response.text)
