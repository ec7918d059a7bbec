from django.contrib.auth.models import Group
from django.urls import reverse

from labor_portal.core.roles import OFFICIALS
from labor_portal.core.sections import section_roles


def test_each_section_group_has_permissions_on_its_own_app_only(db):
    for app_label, group_name in section_roles().items():
        labels = set(Group.objects.get(name=group_name).permissions.values_list("content_type__app_label", flat=True))
        assert labels <= {app_label}


def test_officials_may_read_and_request_reports_only(db):
    perms = set(Group.objects.get(name=OFFICIALS).permissions.values_list("content_type__app_label", "codename"))
    assert perms == {("reporting", "view_reportrun"), ("reporting", "add_reportrun")}


def test_a_section_clerk_gets_403_on_another_sections_admin(client, make_staff):
    client.force_login(make_staff("disputes"))
    response = client.get(reverse("admin:unions_union_changelist"))
    assert response.status_code == 403


def test_a_section_clerk_reaches_their_own_admin_in_chinese(client, union_clerk):
    client.force_login(union_clerk)
    response = client.get(reverse("admin:unions_union_changelist"))
    assert response.status_code == 200
    assert "高雄市政府勞工局" in response.text
    assert 'lang="zh-hant"' in response.text.lower()


def test_staff_home_lists_only_the_sections_a_role_may_enter(client, union_clerk):
    client.force_login(union_clerk)
    response = client.get(reverse("staff-home"))
    assert response.status_code == 200
    assert reverse("admin:app_list", args=["unions"]) in response.text
    assert "/admin/disputes/" not in response.text


def test_staff_home_needs_a_login(client, db):
    response = client.get(reverse("staff-home"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
