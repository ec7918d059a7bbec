from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class TenthSectionConfig(Section):
    default = True
    name = "tests.tenth_section"
    label = "tenth_section"
    verbose_name = _("第十業務")
    role = "第十科"
    order = 95
    citizen_services = [CitizenService("tenth_section:apply", _("第十項申請"), _("只在測試中存在的服務。"))]
    workbench = "tests.tenth_section.workbench.queues"
    beat = {"tenth-section-remind": {"task": "labor_portal.ping", "schedule": 3600.0}}
