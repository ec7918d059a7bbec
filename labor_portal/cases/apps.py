from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The kit every citizen-facing section files, numbers, tracks and writes to citizens with."""

    name = "labor_portal.cases"
    label = "cases"
    verbose_name = _("民眾案件共用")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each section declares its kind of case in its own cases.py (disputes/cases.py: letter D).
        autodiscover_modules("cases")
