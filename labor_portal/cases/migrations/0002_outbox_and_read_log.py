# The outbox of messages to citizens and the personal-data read log, for every section (issue 9). Disputes'
# rows are copied in by disputes/0008_outbox_and_read_log_to_kit.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import labor_portal.cases.models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="OutboxMessage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.CharField(max_length=64)),
                ("section", models.CharField(max_length=50, verbose_name="業務科")),
                ("kind", models.CharField(max_length=50, verbose_name="訊息種類")),
                ("template", models.CharField(max_length=200)),
                ("recipient", models.EmailField(max_length=254, verbose_name="收件人")),
                ("language", models.CharField(default="zh-hant", max_length=10, verbose_name="語言")),
                ("context", models.JSONField(blank=True, default=dict)),
                ("message_id", models.CharField(default=labor_portal.cases.models.outbox_message_id, editable=False,
                                                max_length=200, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="建立時間")),
                ("claimed_until", models.DateTimeField(blank=True, null=True)),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="嘗試次數")),
                ("last_error", models.TextField(blank=True, verbose_name="最後錯誤")),
                ("sent_at", models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="寄出時間")),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                   to="contenttypes.contenttype")),
            ],
            options={
                "verbose_name": "待寄訊息",
                "verbose_name_plural": "待寄訊息",
                "ordering": ["-created_at"],
                "indexes": [models.Index(fields=["content_type", "object_id"], name="outbox_case")],
            },
        ),
        migrations.CreateModel(
            name="PersonalDataRead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.CharField(max_length=64, verbose_name="資料識別碼")),
                ("section", models.CharField(db_index=True, max_length=50, verbose_name="業務科")),
                ("label", models.CharField(blank=True, max_length=200, verbose_name="資料")),
                ("viewed_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="調閱時間")),
                ("page", models.CharField(blank=True, choices=[
                    ("change", "編輯頁"), ("history", "變更歷史"), ("history_version", "歷史版本（檢視或回復）"),
                    ("delete", "刪除確認"), ("attachment", "附件下載"), ("search", "查詢"), ("export", "匯出"),
                ], max_length=20, verbose_name="頁面")),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="來源位址")),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                   to="contenttypes.contenttype", verbose_name="資料類型")),
                ("viewer", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                             to=settings.AUTH_USER_MODEL, verbose_name="調閱者")),
            ],
            options={
                "verbose_name": "個資調閱紀錄",
                "verbose_name_plural": "個資調閱紀錄",
                "ordering": ["-viewed_at"],
                "indexes": [models.Index(fields=["content_type", "object_id"], name="personal_data_read_record")],
            },
        ),
    ]
