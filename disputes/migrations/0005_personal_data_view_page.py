from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('disputes', '0004_citizen_input_limits'),
    ]

    operations = [
        migrations.AddField(
            model_name='personaldataview',
            name='page',
            field=models.CharField(blank=True, choices=[('change', '編輯頁'), ('history', '變更歷史'), ('history_version', '歷史版本（檢視或回復）'), ('delete', '刪除確認'), ('attachment', '附件下載')], max_length=20, verbose_name='頁面'),
        ),
    ]
