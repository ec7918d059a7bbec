from datetime import date

from django.db import migrations

# 身心障礙者權益保障法 (promulgated 2007-07-11) art. 38: public bodies with at least 34 insured staff employ people
# with disabilities for at least 3 % of them (para. 1); private schools, associations and businesses with at least
# 67 staff, 1 % and at least one person (para. 2); the number is rounded down (para. 4 and its enforcement rules).
# 基本工資 (勞動基準法第21條; from 2025 最低工資法第5條): the monthly base wage, by the date it took effect; a
# shortfall costs it per missing person and month (身權法第43條), part-timers count from half of it.
# The over-quota reward, NT$5,000 per person above quota per quarter, applied for within two months of the
# quarter's end: as the bureau's 2020H1 report states it (the city's own rule text was not found).
QUOTA = [
    ("disability_services.public_quota_threshold", 34, "公立機關(構)定額進用門檻（員工人數）", "身心障礙者權益保障法第38條第1項"),
    ("disability_services.public_quota_rate", "0.03", "公立機關(構)進用比率", "身心障礙者權益保障法第38條第1項"),
    ("disability_services.private_quota_threshold", 67, "私立機構定額進用門檻（員工人數）", "身心障礙者權益保障法第38條第2項"),
    ("disability_services.private_quota_rate", "0.01", "私立機構進用比率", "身心障礙者權益保障法第38條第2項"),
    ("disability_services.private_quota_minimum", 1, "私立機構最低進用人數", "身心障礙者權益保障法第38條第2項"),
]
BASE_WAGE = [
    (date(2018, 1, 1), 22000), (date(2019, 1, 1), 23100), (date(2020, 1, 1), 23800), (date(2021, 1, 1), 24000),
    (date(2022, 1, 1), 25250), (date(2023, 1, 1), 26400), (date(2024, 1, 1), 27470), (date(2025, 1, 1), 28590),
    (date(2026, 1, 1), 29500),
]
REWARD = [
    ("disability_services.reward_per_person_quarter", 5000, "超額進用獎勵金（每人每季，元）",
     "高雄市政府勞工局109年上半年工作報告（超額進用獎勵）"),
    ("disability_services.reward_application_months", 2, "超額進用獎勵受理期間（季結束後月數）",
     "高雄市政府勞工局109年上半年工作報告（超額進用獎勵）"),
]


def add_rules(apps, schema_editor):
    LegalRule = apps.get_model("core", "LegalRule")
    for key, value, title, citation in QUOTA:
        LegalRule.objects.get_or_create(
            key=key, valid_from=date(2007, 7, 11), defaults={"value": value, "title": title, "citation": citation}
        )
    for valid_from, value in BASE_WAGE:
        LegalRule.objects.get_or_create(
            key="disability_services.base_wage", valid_from=valid_from,
            defaults={"value": value, "title": "基本工資（月薪，元）",
                      "citation": "勞動基準法第21條、最低工資法第5條（勞動部公告）"},
        )
    for key, value, title, citation in REWARD:
        LegalRule.objects.get_or_create(
            key=key, valid_from=date(2011, 1, 1), defaults={"value": value, "title": title, "citation": citation}
        )


def remove_rules(apps, schema_editor):
    keys = [key for key, *_rest in QUOTA + REWARD] + ["disability_services.base_wage"]
    apps.get_model("core", "LegalRule").objects.filter(key__in=keys).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_legal_rules"),
        ("disability_services", "0001_quota_register_and_services"),
    ]

    operations = [migrations.RunPython(add_rules, remove_rules)]
