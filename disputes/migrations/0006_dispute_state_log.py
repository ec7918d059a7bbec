# State log of dispute cases and fund decisions (owner: statelog)
# Placeholder reserved by the lead so that parallel work keeps one linear migration chain; its owner fills in
# the operations (and replaces this comment).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("disputes", "0005_personal_data_view_page")]

    operations = []
