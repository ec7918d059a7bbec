"""The stage log of rehabilitation cases, backfilled from today's records: each case's stage as it is now, dated
its last change the records keep (see disability_services.services.rehabilitation_stage_log_backfill); every
past half-year reports exactly as before."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    from disability_services.services import rehabilitation_stage_log_backfill

    rehabilitation_stage_log_backfill(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('disability_services', '0003_roster_month_counts_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CaseStageChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='記錄時間')),
                ('changed_on', models.DateField(verbose_name='生效日期')),
                ('reason', models.TextField(blank=True, verbose_name='理由')),
                ('from_state', models.CharField(blank=True, max_length=20, verbose_name='原狀態')),
                ('to_state', models.CharField(max_length=20, verbose_name='新狀態')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stage_changes', to='disability_services.rehabilitationcase')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='變更者')),
            ],
            options={
                'verbose_name': '個案階段變更紀錄',
                'verbose_name_plural': '個案階段變更紀錄',
                'ordering': ['changed_on', 'changed_at', 'pk'],
                'abstract': False,
                'indexes': [models.Index(fields=['case', 'changed_on', 'changed_at', 'id'], name='rehab_stage_on_idx')],
            },
        ),
        # Reversed by dropping the table: nothing to undo in the records the log was derived from.
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
