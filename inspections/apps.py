from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class InspectionsConfig(Section):
    default = True
    name = "inspections"
    verbose_name = _("勞動條件")
    role = "勞動條件科"
    order = 20
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    url_prefix = ""  # the public register lives at /violations/
    citizen_services = [
        CitizenService("violations", _("違反勞動法令事業單位查詢"), _("查詢經處分確定之違法事業單位。")),
    ]
    workbench = "inspections.workbench.queues"
    quick_links = [
        (_("新增勞動條件檢查"), "admin:inspections_laborinspection_add"),
        (_("從 Excel 匯入違規處分"), "admin:inspections_violation_import"),
    ]
