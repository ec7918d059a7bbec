from django.core.management.base import BaseCommand
from django.db import transaction

from labor_portal.core.models import DemoDataset
from labor_portal.core.sections import section_modules


class Command(BaseCommand):
    help = "Load each section's demo records (its demo.py), once: running it again adds nothing."

    def handle(self, *args, **options):
        for config, demo in section_modules("demo"):
            app_label = config.label
            with transaction.atomic():
                # The marker row is written in the same transaction as the records, so a failed load
                # leaves neither behind and the next run tries again.
                _dataset, created = DemoDataset.objects.get_or_create(name=app_label)
                if not created:
                    continue
                summary = demo.load()
            self.stdout.write(f"  {app_label}: {summary}")
