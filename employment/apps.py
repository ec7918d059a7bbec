from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import CitizenService, Section


class EmploymentConfig(Section):
    default = True
    name = "employment"
    verbose_name = _("就業安全")
    role = "就業安全科"
    order = 40
    built = True  # every id of the report specification is computed (tests/reporting/test_catalogue.py)
    citizen_services = [
        CitizenService("employment:discrimination-apply", _("就業歧視申訴"),
                       _("求職或工作時因性別、年齡、身心障礙等事由受到差別待遇，可線上提出申訴。")),
        CitizenService("employment:harassment-apply", _("職場性騷擾申訴"),
                       _("被申訴人為最高負責人，或雇主未處理、不服雇主處理結果時，可向本局提出申訴。")),
        CitizenService("employment:scam-apply", _("求職防騙及不實廣告申訴"),
                       _("遇到求職陷阱或不實徵才廣告，可附上廣告內容與截圖線上申訴。")),
        CitizenService("employment:job-ad-checker", _("徵才廣告檢查"),
                       _("刊登前貼上徵才廣告，檢查是否有歧視性用語或未揭示薪資範圍。")),
        CitizenService("employment:discrimination-register", _("就業歧視違法事業單位查詢"),
                       _("查詢經本局就業歧視評議委員會認定違法並公布之事業單位。")),
        CitizenService("employment:vacancies", _("職缺查詢"),
                       _("依職業類別、工作地點、薪資及全職或兼職，查詢各就業服務站登記中的職缺與薪資範圍。")),
    ]
    workbench = "employment.workbench.queues"
    seeds = [
        "employment.migrations.0002_complaint_rules.forward",
        "employment.migrations.0004_job_ad_phrases.forward",
        "employment.migrations.0006_job_centre.seed_middle_aged_rule",
    ]
