from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrantWorkersConfig(AppConfig):
    name = "migrant_workers"
    verbose_name = _("外籍勞工")
