from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class DisputesConfig(Section):
    default = True
    name = "disputes"
    verbose_name = _("勞資關係")
    role = "勞資關係科"
    order = 30
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService(
            "disputes:apply", _("勞資爭議調解申請"), _("線上申請勞資爭議調解，送出後取得案件編號與查詢碼。")
        ),
    ]
    workbench = "disputes.workbench.queues"
    seeds = [
        "disputes.migrations.0010_handler_and_legal_deadlines.add_deadlines",
    ]
