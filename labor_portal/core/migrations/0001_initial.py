from django.db import migrations, models


# Frozen here as they were when this migration was written.
ALL_ROLES = ["工會科", "勞動條件科", "勞資關係科", "就業安全科", "外勞科", "職業重建科", "福利科", "勞工博物館", "報表官員", "系統管理"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.CreateModel(
            name="DemoDataset",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True)),
                ("loaded_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"verbose_name": "示範資料", "verbose_name_plural": "示範資料"},
        ),
        # Permissions are granted to these groups after migrate (see CoreConfig.ready).
        migrations.RunPython(create_roles, remove_roles),
    ]
