from datetime import date

from django.db import migrations

# 就業服務法第68條第1項: an employer who fails to notify under art. 56 para. 1 is fined NT$30,000 to NT$150,000
# (this range since the amendment of 2012-01-30). Read by migrant_workers.deadlines.notification_fine_range.
RULES = [
    ("migrant_workers.notify_fine_min", 30_000, date(2012, 1, 30), "未依規定通報罰鍰下限（元）", "就業服務法第68條第1項"),
    ("migrant_workers.notify_fine_max", 150_000, date(2012, 1, 30), "未依規定通報罰鍰上限（元）", "就業服務法第68條第1項"),
]


def seed(apps, schema_editor):
    LegalRule = apps.get_model("core", "LegalRule")
    for key, value, valid_from, title, citation in RULES:
        LegalRule.objects.get_or_create(key=key, valid_from=valid_from,
                                        defaults={"value": value, "title": title, "citation": citation})


def unseed(apps, schema_editor):
    apps.get_model("core", "LegalRule").objects.filter(key__in=[rule[0] for rule in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("migrant_workers", "0002_notification_rule_and_holidays")]

    operations = [migrations.RunPython(seed, unseed)]
