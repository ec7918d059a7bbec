"""The job-ad checker's first phrases and the pay-range threshold (employment.jobad_phrases). Re-create this file
by hand (depending on the app's latest migration and core's legal rules) if the app's migrations are regenerated."""

from django.db import migrations


def forward(apps, schema_editor):
    from employment.jobad_phrases import seed_job_ad_phrases, seed_pay_range_threshold

    seed_job_ad_phrases(apps, schema_editor)
    seed_pay_range_threshold(apps, schema_editor)


def backward(apps, schema_editor):
    from employment.jobad_phrases import SEED_PHRASES

    apps.get_model("core", "LegalRule").objects.filter(key="employment.pay_range_threshold").delete()
    phrases = apps.get_model("employment", "JobAdPhrase")
    for phrase, is_regex, *_rest in SEED_PHRASES:
        phrases.objects.filter(phrase=phrase, is_regex=is_regex).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_legal_rules"),
        ("employment", "0003_committee_review"),
    ]

    operations = [migrations.RunPython(forward, backward)]
