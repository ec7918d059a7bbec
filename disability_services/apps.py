from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class DisabilityServicesConfig(Section):
    default = True
    name = "disability_services"
    verbose_name = _("職業重建")
    role = "職業重建科"
    order = 60
