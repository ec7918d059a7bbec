from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class MigrantWorkersConfig(Section):
    default = True
    name = "migrant_workers"
    verbose_name = _("外籍勞工")
    role = "外勞科"
    order = 50
