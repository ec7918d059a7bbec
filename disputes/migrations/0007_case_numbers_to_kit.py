# Case-number counters move to the case kit (labor_portal.cases, kind "D"); access codes can be re-issued
# (access_code_generation); attachments are the kit's (no database change: only the upload_to function).
import django.db.models
from django.db import migrations

import labor_portal.cases.attachments

DISPUTE_KIND = "D"


def counters_to_kit(apps, schema_editor):
    """Each year's last dispute number continues in the kit: the next dispute after the migration gets last+1."""
    old = apps.get_model("disputes", "CaseNumberSequence")
    new = apps.get_model("cases", "CaseNumberSequence")
    for row in old.objects.all():
        counter, created = new.objects.get_or_create(
            kind=DISPUTE_KIND, roc_year=row.roc_year, defaults={"last_number": row.last_number}
        )
        if not created and counter.last_number < row.last_number:
            counter.last_number = row.last_number
            counter.save(update_fields=["last_number"])


def counters_from_kit(apps, schema_editor):
    old = apps.get_model("disputes", "CaseNumberSequence")
    new = apps.get_model("cases", "CaseNumberSequence")
    for row in new.objects.filter(kind=DISPUTE_KIND):
        old.objects.update_or_create(roc_year=row.roc_year, defaults={"last_number": row.last_number})
    new.objects.filter(kind=DISPUTE_KIND).delete()


class Migration(migrations.Migration):
    dependencies = [("disputes", "0006_dispute_state_log"), ("cases", "0001_initial")]

    operations = [
        migrations.RunPython(counters_to_kit, counters_from_kit),
        migrations.DeleteModel(name="CaseNumberSequence"),
        migrations.AddField(
            model_name="disputecase",
            name="access_code_generation",
            field=django.db.models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="historicaldisputecase",
            name="access_code_generation",
            field=django.db.models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=django.db.models.FileField(
                max_length=200, upload_to=labor_portal.cases.attachments.case_attachment_path, verbose_name="檔案"
            ),
        ),
    ]
