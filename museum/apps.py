from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class MuseumConfig(Section):
    default = True
    name = "museum"
    verbose_name = _("勞工博物館")
    role = "勞工博物館"
    order = 80
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService("museum:programme", _("勞工博物館展覽與活動"), _("目前與即將推出的展覽及活動。")),
        CitizenService("museum:book", _("勞工博物館團體導覽預約"),
                       _("學校班級或團體預約導覽時段，取得預約編號與查詢碼，可變更或取消。")),
    ]
    workbench = "museum.workbench.queues"
    seeds = [
        "museum.migrations.0002_museum_rules.add_rules",
    ]
