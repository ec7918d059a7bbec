from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class DisabilityServicesConfig(Section):
    default = True
    name = "disability_services"
    verbose_name = _("職業重建")
    role = "職業重建科"
    order = 60
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService(
            "disability_services:quota-calculator", _("身心障礙者定額進用試算"),
            _("輸入員工人數與進用之身心障礙員工，試算應進用人數、差額補助費或超額進用獎勵；不儲存資料。"),
        ),
    ]
    workbench = "disability_services.workbench.queues"
    seeds = ["disability_services.migrations.0002_quota_legal_rules.add_rules"]
    quick_links = [
        (_("從 Excel 匯入每月進用名冊"), "admin:disability_services_monthlyroster_import"),
        (_("超額進用獎勵申請"), "admin:disability_services_rewardapplication_changelist"),
    ]
