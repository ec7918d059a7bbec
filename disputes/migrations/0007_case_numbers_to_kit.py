# Case-number counters moved to labor_portal.cases (owner: kit-filing)
# Placeholder reserved by the lead so that parallel work keeps one linear migration chain; its owner fills in
# the operations (and replaces this comment).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("disputes", "0006_dispute_state_log"), ("cases", "0001_initial")]

    operations = []
