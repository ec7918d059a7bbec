"""The grading log of dispute cases (main category and channel from a date on). No backfill: a case without rows
is graded as it is now, from its filing on (see disputes.services.dispute_case_grading_change), so every existing
case reports exactly as before."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('disputes', '0008_outbox_and_read_log_to_kit'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DisputeGradingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('main_category', models.CharField(choices=[('wages', '工資爭議'), ('contract', '契約爭議'), ('occupational_injury', '職災爭議'), ('retirement', '退休爭議'), ('labor_insurance', '勞保爭議'), ('other', '其他爭議')], max_length=30, verbose_name='主要爭議類別')),
                ('channel', models.CharField(blank=True, choices=[('civic_group', '民間團體調處'), ('mediator', '主管機關調解人'), ('committee', '調解委員會')], max_length=20, verbose_name='處理方式')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='記錄時間')),
                ('changed_on', models.DateField(verbose_name='生效日期')),
                ('reason', models.TextField(blank=True, verbose_name='理由')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='grading_changes', to='disputes.disputecase')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='變更者')),
            ],
            options={
                'verbose_name': '案件類別變更紀錄',
                'verbose_name_plural': '案件類別變更紀錄',
                'ordering': ['changed_on', 'changed_at', 'pk'],
                'indexes': [models.Index(fields=['case', 'changed_on', 'changed_at', 'id'], name='dispute_grading_on_idx')],
            },
        ),
    ]
