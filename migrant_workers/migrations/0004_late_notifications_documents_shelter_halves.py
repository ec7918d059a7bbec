"""Late notifications (a notification may await its filing; a clerk marks a late one dealt with), the workers'
documents and withdrawal on the case page, and each shelter stay's last day, computed for the rows kept."""

import django.db.models.deletion
import labor_portal.cases.attachments
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


def shelter_ends_on_backfill(apps, schema_editor):
    from migrant_workers.models import shelter_ends_on

    stay_model = apps.get_model("migrant_workers", "ShelterStay")
    stays = list(stay_model.objects.only("pk", "placed_on", "person_days"))
    for stay in stays:
        stay.ends_on = shelter_ends_on(stay.placed_on, stay.person_days)
    stay_model.objects.bulk_update(stays, ["ends_on"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('migrant_workers', '0003_notification_fine_rules'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalshelterstay',
            name='ends_on',
            field=models.DateField(db_index=True, editable=False, null=True, verbose_name='安置最後一日'),
        ),
        migrations.AddField(
            model_name='historicalstatusnotification',
            name='late_reviewed_on',
            field=models.DateField(blank=True, null=True, verbose_name='逾期處理日期'),
        ),
        migrations.AddField(
            model_name='shelterstay',
            name='ends_on',
            field=models.DateField(db_index=True, editable=False, null=True, verbose_name='安置最後一日'),
        ),
        migrations.AddField(
            model_name='statusnotification',
            name='late_reviewed_on',
            field=models.DateField(blank=True, null=True, verbose_name='逾期處理日期'),
        ),
        migrations.AlterField(
            model_name='historicalmigrantcomplaint',
            name='status',
            field=models.CharField(choices=[('received', '已受理'), ('assigned', '已分案處理中'), ('sheltered', '已安置'), ('resolved', '已處理完成'), ('closed', '不受理或移送結案'), ('withdrawn', '申訴人撤回')], default='received', max_length=20, verbose_name='狀態'),
        ),
        migrations.AlterField(
            model_name='historicalstatusnotification',
            name='filed_late',
            field=models.BooleanField(db_index=True, default=False, editable=False, verbose_name='逾期通報'),
        ),
        migrations.AlterField(
            model_name='historicalstatusnotification',
            name='filed_on',
            field=models.DateField(blank=True, null=True, verbose_name='通報日期'),
        ),
        migrations.AlterField(
            model_name='historicalstatusnotification',
            name='processed_on',
            field=models.DateField(blank=True, db_index=True, null=True, verbose_name='處理日期'),
        ),
        migrations.AlterField(
            model_name='migrantcomplaint',
            name='status',
            field=models.CharField(choices=[('received', '已受理'), ('assigned', '已分案處理中'), ('sheltered', '已安置'), ('resolved', '已處理完成'), ('closed', '不受理或移送結案'), ('withdrawn', '申訴人撤回')], default='received', max_length=20, verbose_name='狀態'),
        ),
        migrations.AlterField(
            model_name='statusnotification',
            name='filed_late',
            field=models.BooleanField(db_index=True, default=False, editable=False, verbose_name='逾期通報'),
        ),
        migrations.AlterField(
            model_name='statusnotification',
            name='filed_on',
            field=models.DateField(blank=True, null=True, verbose_name='通報日期'),
        ),
        migrations.AlterField(
            model_name='statusnotification',
            name='processed_on',
            field=models.DateField(blank=True, db_index=True, null=True, verbose_name='處理日期'),
        ),
        migrations.CreateModel(
            name='HistoricalMigrantComplaintAttachment',
            fields=[
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='建立時間')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='更新時間')),
                ('id', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False)),
                ('file', models.TextField(max_length=200, verbose_name='檔案')),
                ('original_name', models.CharField(max_length=200, verbose_name='原始檔名')),
                ('content_type', models.CharField(max_length=50, verbose_name='檔案類型')),
                ('size', models.PositiveIntegerField(verbose_name='大小(位元組)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('case', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='migrant_workers.migrantcomplaint')),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='建立者')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('updated_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='最後修改者')),
            ],
            options={
                'verbose_name': 'historical 附件',
                'verbose_name_plural': 'historical 附件',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='MigrantComplaintAttachment',
            fields=[
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='建立時間')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新時間')),
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('file', models.FileField(max_length=200, upload_to=labor_portal.cases.attachments.case_attachment_path, verbose_name='檔案')),
                ('original_name', models.CharField(max_length=200, verbose_name='原始檔名')),
                ('content_type', models.CharField(max_length=50, verbose_name='檔案類型')),
                ('size', models.PositiveIntegerField(verbose_name='大小(位元組)')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='migrant_workers.migrantcomplaint')),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='建立者')),
                ('updated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='最後修改者')),
            ],
            options={
                'verbose_name': '附件',
                'verbose_name_plural': '附件',
                'ordering': ['created_at'],
            },
        ),
        migrations.RunPython(shelter_ends_on_backfill, migrations.RunPython.noop),
    ]
