from datetime import date

from django.db import migrations

# 就業服務法第56條第1項 (in force since the Act's promulgation, 1992-05-08; this wording since 2012-01-30):
# the employer notifies the authorities in writing within 3 days of a worker's absence, termination etc.
# The days are counted from the next day (行政程序法第48條), with the weekend and holiday roll-over of
# 勞動部 FL101140 (migrant_workers.deadlines).
RULES = [
    ("migrant_workers.notify_within_days", 3, date(1992, 5, 8), "外國人動態通報期限（日）", "就業服務法第56條第1項"),
]

# Taiwan's national holidays and days off on weekdays, and make-up working Saturdays (True), 2019–2021, as
# published by the Directorate-General of Personnel Administration (行政院人事行政總處 政府行政機關辦公日曆表).
HOLIDAYS = [
    (date(2019, 1, 1), "中華民國開國紀念日", False),
    (date(2019, 1, 19), "補行上班日", True),
    (date(2019, 2, 4), "農曆除夕", False),
    (date(2019, 2, 5), "春節", False),
    (date(2019, 2, 6), "春節", False),
    (date(2019, 2, 7), "春節", False),
    (date(2019, 2, 8), "調整放假日", False),
    (date(2019, 2, 23), "補行上班日", True),
    (date(2019, 2, 28), "和平紀念日", False),
    (date(2019, 3, 1), "調整放假日", False),
    (date(2019, 4, 4), "兒童節", False),
    (date(2019, 4, 5), "民族掃墓節", False),
    (date(2019, 6, 7), "端午節", False),
    (date(2019, 9, 13), "中秋節", False),
    (date(2019, 10, 5), "補行上班日", True),
    (date(2019, 10, 10), "國慶日", False),
    (date(2019, 10, 11), "調整放假日", False),
    (date(2020, 1, 1), "中華民國開國紀念日", False),
    (date(2020, 1, 23), "調整放假日", False),
    (date(2020, 1, 24), "農曆除夕", False),
    (date(2020, 1, 27), "春節", False),
    (date(2020, 1, 28), "春節補假", False),
    (date(2020, 1, 29), "春節補假", False),
    (date(2020, 2, 15), "補行上班日", True),
    (date(2020, 2, 28), "和平紀念日", False),
    (date(2020, 4, 2), "兒童節補假", False),
    (date(2020, 4, 3), "民族掃墓節補假", False),
    (date(2020, 6, 20), "補行上班日", True),
    (date(2020, 6, 25), "端午節", False),
    (date(2020, 6, 26), "調整放假日", False),
    (date(2020, 9, 26), "補行上班日", True),
    (date(2020, 10, 1), "中秋節", False),
    (date(2020, 10, 2), "調整放假日", False),
    (date(2020, 10, 9), "國慶日補假", False),
    (date(2021, 1, 1), "中華民國開國紀念日", False),
    (date(2021, 2, 10), "調整放假日", False),
    (date(2021, 2, 11), "農曆除夕", False),
    (date(2021, 2, 12), "春節", False),
    (date(2021, 2, 15), "春節補假", False),
    (date(2021, 2, 16), "春節補假", False),
    (date(2021, 2, 20), "補行上班日", True),
    (date(2021, 3, 1), "和平紀念日補假", False),
    (date(2021, 4, 2), "兒童節補假", False),
    (date(2021, 4, 5), "民族掃墓節補假", False),
    (date(2021, 6, 14), "端午節", False),
    (date(2021, 9, 11), "補行上班日", True),
    (date(2021, 9, 20), "調整放假日", False),
    (date(2021, 9, 21), "中秋節", False),
    (date(2021, 10, 11), "國慶日補假", False),
    (date(2021, 12, 31), "開國紀念日補假", False),
]


def seed(apps, schema_editor):
    LegalRule = apps.get_model("core", "LegalRule")
    for key, value, valid_from, title, citation in RULES:
        LegalRule.objects.get_or_create(key=key, valid_from=valid_from,
                                        defaults={"value": value, "title": title, "citation": citation})
    Holiday = apps.get_model("migrant_workers", "Holiday")
    for day, name, is_workday in HOLIDAYS:
        Holiday.objects.get_or_create(day=day, defaults={"name": name, "is_workday": is_workday})


def unseed(apps, schema_editor):
    apps.get_model("core", "LegalRule").objects.filter(key__in=[rule[0] for rule in RULES]).delete()
    apps.get_model("migrant_workers", "Holiday").objects.filter(day__in=[h[0] for h in HOLIDAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_legal_rules"),
        ("migrant_workers", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
