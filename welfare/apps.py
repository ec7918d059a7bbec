from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class WelfareConfig(Section):
    default = True
    name = "welfare"
    verbose_name = _("勞工福利")
    role = "福利科"
    order = 70
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService("welfare:hall", _("獅甲會館場地及住宿預約"),
                       _("線上預約獅甲會館會議場地或住宿，取得預約編號與查詢碼，可查詢、變更或取消。")),
    ]
    workbench = "welfare.workbench.queues"
    seeds = [
        "welfare.migrations.0002_condolence_bands.seed",
    ]
