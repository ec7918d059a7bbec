# Outbox messages and the personal-data read log (owner: kit-messages)
# Placeholder reserved by the lead so that parallel work keeps one linear migration chain; its owner fills in
# the operations (and replaces this comment).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = []
