from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "labor_portal.reporting"
    label = "reporting"
    verbose_name = _("統計報表")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each section declares its tables and indicators in reports.py, as the admin finds admin.py.
        autodiscover_modules("reports")
