from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class UnionsConfig(Section):
    default = True
    name = "unions"
    verbose_name = _("勞工組織")
    role = "工會科"
    order = 10
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
