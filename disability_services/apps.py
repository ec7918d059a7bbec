from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisabilityServicesConfig(AppConfig):
    name = "disability_services"
    verbose_name = _("職業重建")
