"""The museum's opening and booking rules as dated LegalRule data, corrected in the admin.

Closed on Mondays (Kaohsiung Museum of Labor, kml.kcg.gov.tw: 週一休館); group visits booked at least 3 days
ahead and at most 90 days ahead (the museum's guided-tour booking notice, 團體導覽預約須知).
"""

from datetime import date

from django.db import migrations

RULES = [
    ("museum.closed_weekday", 0, "每週休館日（0=週一）", "高雄市立勞工博物館參觀須知（週一休館）"),
    ("museum.booking_min_days_ahead", 3, "團體導覽最晚預約日數（日）", "高雄市立勞工博物館團體導覽預約須知"),
    ("museum.booking_max_days_ahead", 90, "團體導覽最早預約日數（日）", "高雄市立勞工博物館團體導覽預約須知"),
]


def add_rules(apps, schema_editor):
    LegalRule = apps.get_model("core", "LegalRule")
    for key, value, title, citation in RULES:
        LegalRule.objects.get_or_create(key=key, valid_from=date(2015, 1, 1),
                                        defaults={"value": value, "title": title, "citation": citation})


def remove_rules(apps, schema_editor):
    apps.get_model("core", "LegalRule").objects.filter(key__in=[key for key, *_rest in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_legal_rules"), ("museum", "0001_museum_records")]
    operations = [migrations.RunPython(add_rules, remove_rules)]
