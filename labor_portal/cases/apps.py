from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The kit every citizen-facing section files, numbers, tracks and writes to citizens with."""

    name = "labor_portal.cases"
    label = "cases"
    verbose_name = _("民眾案件共用")
