"""The state log of penalties' status, backfilled from today's records: each penalty's status as it is now,
dated its decision date (decided_on), the only date the records keep (see
inspections.services.penalty_status_log_backfill); every past half-year reports exactly as before."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    from inspections.services import penalty_status_log_backfill

    penalty_status_log_backfill(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0002_establishment_name_trigram"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PenaltyStatusChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("from_state", models.CharField(blank=True, max_length=20, verbose_name="原狀態")),
                ("to_state", models.CharField(max_length=20, verbose_name="新狀態")),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="記錄時間")),
                ("changed_on", models.DateField(verbose_name="生效日期")),
                ("reason", models.TextField(blank=True, verbose_name="理由")),
                ("changed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                                 related_name="+", to=settings.AUTH_USER_MODEL,
                                                 verbose_name="變更者")),
                ("violation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                related_name="status_changes", to="inspections.violation")),
            ],
            options={
                "verbose_name": "處分狀態變更紀錄",
                "verbose_name_plural": "處分狀態變更紀錄",
                "ordering": ["changed_on", "changed_at", "pk"],
                "abstract": False,
                "indexes": [models.Index(fields=["violation", "changed_on", "changed_at", "id"],
                                         name="penalty_state_on_idx")],
            },
        ),
        migrations.AddField(
            model_name="violation",
            name="status_since",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="處分狀態生效日期"),
        ),
        migrations.AddField(
            model_name="historicalviolation",
            name="status_since",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="處分狀態生效日期"),
        ),
        migrations.AddIndex(
            model_name="violation",
            index=models.Index(condition=models.Q(status_since__isnull=False), fields=["status_since"],
                               name="violation_status_since_idx"),
        ),
        # Reversed by dropping the table: nothing to undo in the records the log was derived from.
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
