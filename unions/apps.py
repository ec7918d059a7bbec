from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Section


class UnionsConfig(Section):
    default = True
    name = "unions"
    verbose_name = _("勞工組織")
    role = "工會科"
    order = 10
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    quick_links = [
        (_("新增工會"), "admin:unions_union_add"),
        (_("從 Excel 匯入工會"), "admin:unions_union_import"),
        (_("新增法定會議"), "admin:unions_statutorymeeting_add"),
    ]
