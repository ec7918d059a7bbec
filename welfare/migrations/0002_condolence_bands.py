"""The condolence bands as the bureau pays them (its 109年1月至6月 report, table 六(一)1: death NT$100,000–300,000,
disability grades 1–5 NT$30,000, 6–10 NT$20,000, 11–15 NT$10,000), in force from 2019-01-01.
Corrected later in the admin, as dated rows."""

from datetime import date

from django.db import migrations

CITATION = "高雄市勞工職業災害慰問金發給要點（依勞工局109年上半年業務報告表六(一)1）"
# (category, grade_from, grade_to, amount_min, amount_max); categories: 4 death, 3 grades 1-5, 2 6-10, 1 11-15.
BANDS = [
    (4, None, None, 100_000, 300_000),
    (3, 1, 5, 30_000, 30_000),
    (2, 6, 10, 20_000, 20_000),
    (1, 11, 15, 10_000, 10_000),
]


def seed(apps, schema_editor):
    band = apps.get_model("welfare", "CondolenceBand")
    for category, grade_from, grade_to, amount_min, amount_max in BANDS:
        band.objects.get_or_create(category=category, valid_from=date(2019, 1, 1), defaults={
            "grade_from": grade_from, "grade_to": grade_to, "amount_min": amount_min, "amount_max": amount_max,
            "citation": CITATION,
        })


def unseed(apps, schema_editor):
    apps.get_model("welfare", "CondolenceBand").objects.filter(valid_from=date(2019, 1, 1)).delete()


class Migration(migrations.Migration):
    dependencies = [("welfare", "0001_welfare_records")]
    operations = [migrations.RunPython(seed, unseed)]
