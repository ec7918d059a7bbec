# Confirmation e-mails and read-log rows moved to labor_portal.cases (owner: kit-messages)
# Placeholder reserved by the lead so that parallel work keeps one linear migration chain; its owner fills in
# the operations (and replaces this comment).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("disputes", "0007_case_numbers_to_kit"), ("cases", "0002_outbox_and_read_log")]

    operations = []
