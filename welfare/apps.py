from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class WelfareConfig(Section):
    default = True
    name = "welfare"
    verbose_name = _("勞工福利")
    role = "福利科"
    order = 70
