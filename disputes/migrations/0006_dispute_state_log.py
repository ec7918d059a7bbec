"""The state log of dispute cases and of fund decisions, backfilled from today's records so that every past
half-year reports exactly as before (see disputes.services.dispute_state_log_backfill)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    from disputes.services import dispute_state_log_backfill

    dispute_state_log_backfill(apps=apps)


def _state_change_fields():
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("from_state", models.CharField(blank=True, max_length=20, verbose_name="原狀態")),
        ("to_state", models.CharField(max_length=20, verbose_name="新狀態")),
        ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="記錄時間")),
        ("changed_on", models.DateField(verbose_name="生效日期")),
        ("reason", models.TextField(blank=True, verbose_name="理由")),
        ("changed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                         related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="變更者")),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("disputes", "0005_personal_data_view_page"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DisputeStateChange",
            fields=[
                *_state_change_fields(),
                ("case", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="state_changes",
                                           to="disputes.disputecase")),
            ],
            options={
                "verbose_name": "案件狀態變更紀錄",
                "verbose_name_plural": "案件狀態變更紀錄",
                "ordering": ["changed_on", "changed_at", "pk"],
                "abstract": False,
                "indexes": [models.Index(fields=["case", "changed_on", "changed_at", "id"],
                                         name="dispute_state_on_idx")],
            },
        ),
        migrations.CreateModel(
            name="FundDecisionChange",
            fields=[
                *_state_change_fields(),
                ("application", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                  related_name="decision_changes",
                                                  to="disputes.rightsfundapplication")),
            ],
            options={
                "verbose_name": "補助審核紀錄",
                "verbose_name_plural": "補助審核紀錄",
                "ordering": ["changed_on", "changed_at", "pk"],
                "abstract": False,
                "indexes": [models.Index(fields=["application", "changed_on", "changed_at", "id"],
                                         name="fund_decision_on_idx")],
            },
        ),
        # Reversed by dropping the tables: nothing to undo in the records the log was derived from.
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
