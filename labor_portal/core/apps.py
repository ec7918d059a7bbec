from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "labor_portal.core"
    label = "core"
    verbose_name = _("共用")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from labor_portal.core.roles import grant_role_permissions
        from labor_portal.core.sessions import stamp_session_at_login

        # Permissions of models added by later migrations exist only after post_migrate, so role grants
        # are kept in step there rather than frozen in the migration that creates the groups.
        post_migrate.connect(grant_role_permissions, dispatch_uid="grant_role_permissions")
        user_logged_in.connect(stamp_session_at_login, dispatch_uid="stamp_session_at_login")
