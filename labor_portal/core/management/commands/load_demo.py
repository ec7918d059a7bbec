from importlib import import_module, util

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from labor_portal.core.models import DemoDataset


class Command(BaseCommand):
    help = "Load each section's demo records (its demo.py), once: running it again adds nothing."

    def handle(self, *args, **options):
        for app_label in settings.SECTION_APPS:
            module_name = f"{app_label}.demo"
            if util.find_spec(module_name) is None:
                continue
            with transaction.atomic():
                # The marker row is written in the same transaction as the records, so a failed load
                # leaves neither behind and the next run tries again.
                _dataset, created = DemoDataset.objects.get_or_create(name=app_label)
                if not created:
                    continue
                summary = import_module(module_name).load()
            self.stdout.write(f"  {app_label}: {summary}")
