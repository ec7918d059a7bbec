"""The dated rules the complaints read: sexual-harassment time limits (employment.timelimits.SEED_LIMITS) and the
investigation period (LegalRule). Re-create this file by hand if the app's migrations are regenerated."""

from datetime import date

from django.db import migrations

# The city's investigation of a complaint: finished within 2 months, extendable once by 1 month (the city's earlier
# rules; the period under the 2024 regulations is not confirmed: see SECTIONS-NOTES).
INVESTIGATION_RULES = [
    ("employment.complaint_investigation_months", 2, "申訴調查期限（月）", "高雄市政府處理就業歧視及性騷擾申訴調查規定（待確認）"),
    ("employment.complaint_extension_months", 1, "申訴調查延長期限（月）", "高雄市政府處理就業歧視及性騷擾申訴調查規定（待確認）"),
]


def forward(apps, schema_editor):
    from employment.timelimits import harassment_time_limits_seed

    harassment_time_limits_seed(apps)
    LegalRule = apps.get_model("core", "LegalRule")
    for key, value, title, citation in INVESTIGATION_RULES:
        LegalRule.objects.get_or_create(key=key, valid_from=date(2000, 1, 1),
                                        defaults={"value": value, "title": title, "citation": citation})


def backward(apps, schema_editor):
    apps.get_model("employment", "HarassmentTimeLimit").objects.all().delete()
    apps.get_model("core", "LegalRule").objects.filter(key__in=[key for key, *_rest in INVESTIGATION_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_legal_rules"),
        ("employment", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
