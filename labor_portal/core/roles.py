"""Roles are groups: one per section with permissions on its own app only, officials and administrators."""

from django.utils.translation import gettext_lazy as _

SECTION_ROLES = {
    "unions": "工會科",
    "inspections": "勞動條件科",
    "disputes": "勞資關係科",
    "employment": "就業安全科",
    "migrant_workers": "外勞科",
    "disability_services": "職業重建科",
    "welfare": "福利科",
    "museum": "勞工博物館",
}
OFFICIALS = "報表官員"
ADMINISTRATORS = "系統管理"
ALL_ROLES = [*SECTION_ROLES.values(), OFFICIALS, ADMINISTRATORS]

# Officials read and request reports; they see no case records and so no personal data.
OFFICIAL_PERMISSIONS = [("reporting", "view_reportrun"), ("reporting", "add_reportrun")]

SECTION_TITLES = {
    "unions": _("勞工組織"),
    "inspections": _("勞動條件"),
    "disputes": _("勞資關係"),
    "employment": _("就業安全"),
    "migrant_workers": _("外籍勞工"),
    "disability_services": _("職業重建"),
    "welfare": _("勞工福利"),
    "museum": _("勞工博物館"),
}


def grant_role_permissions(sender=None, **kwargs):
    """Give each role exactly its permissions (idempotent; runs after every migrate)."""
    from django.contrib.auth.models import Group, Permission

    for app_label, group_name in SECTION_ROLES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set(Permission.objects.filter(content_type__app_label=app_label))
    officials, _created = Group.objects.get_or_create(name=OFFICIALS)
    wanted = [
        perm
        for app_label, codename in OFFICIAL_PERMISSIONS
        for perm in Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    ]
    officials.permissions.set(wanted)
    admins, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    admins.permissions.set(Permission.objects.all())
