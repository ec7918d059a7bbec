# State log of violations' penalty status (owner: statelog)
# Placeholder reserved by the lead so that parallel work keeps one linear migration chain; its owner fills in
# the operations (and replaces this comment).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_establishment_name_trigram")]

    operations = []
