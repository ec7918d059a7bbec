from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class MuseumConfig(Section):
    default = True
    name = "museum"
    verbose_name = _("勞工博物館")
    role = "勞工博物館"
    order = 80
