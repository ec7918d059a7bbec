"""Roles are groups: one per section (named by its declaration, core.sections) with permissions on its own app
only, officials and administrators."""

from labor_portal.core.sections import section_roles

OFFICIALS = "報表官員"
APPROVERS = "報表核定官員"
ADMINISTRATORS = "系統管理"

# Officials read and request reports; they see no case records and so no personal data.
OFFICIAL_PERMISSIONS = [("reporting", "view_reportrun"), ("reporting", "add_reportrun")]
# Officials with approval rights also approve runs and so publish a half-year (never a run they generated).
APPROVER_PERMISSIONS = [*OFFICIAL_PERMISSIONS, ("reporting", "approve_reportrun")]


def grant_role_permissions(sender=None, **kwargs):
    """Give each role exactly its permissions (idempotent; runs after every migrate and flush).

    post_migrate is sent once per app: this acts on the last app's, when every app's permissions exist, rather
    than twenty times over (half a second on each flush of a transactional test).
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    if sender is not None and sender is not [c for c in apps.get_app_configs() if c.models_module][-1]:
        return

    # By primary key: the permissions' rows are never turned into objects (about a thousand of them).
    keys = Permission.objects.values_list("pk", flat=True)
    for app_label, group_name in section_roles().items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set(keys.filter(content_type__app_label=app_label))
    for group_name, permissions in ((OFFICIALS, OFFICIAL_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set([
            pk for app_label, codename in permissions
            for pk in keys.filter(content_type__app_label=app_label, codename=codename)
        ])
    admins, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    admins.permissions.set(keys)
