from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class MigrantWorkersConfig(Section):
    default = True
    name = "migrant_workers"
    verbose_name = _("外籍勞工")
    role = "外勞科"
    order = 50
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService("migrant_workers:complain", _("移工申訴及求助"),
                       _("以印尼文、越南文、泰文、菲律賓文、英文或中文線上申訴，送出後取得案件編號與查詢碼。")),
    ]
    workbench = "migrant_workers.workbench.queues"
    seeds = [
        "migrant_workers.migrations.0002_notification_rule_and_holidays.seed",
        "migrant_workers.migrations.0003_notification_fine_rules.seed",
    ]
