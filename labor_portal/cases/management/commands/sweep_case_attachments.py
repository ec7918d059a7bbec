from datetime import timedelta

from django.core.management.base import BaseCommand

from labor_portal.cases.attachments import attachment_orphans_sweep


class Command(BaseCommand):
    help = "Delete attachment files that no row refers to and that are older than an hour (beat runs this hourly)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-minutes", type=int, default=60)

    def handle(self, *args, older_than_minutes, **options):
        removed = attachment_orphans_sweep(older_than=timedelta(minutes=older_than_minutes))
        self.stdout.write(f"{len(removed)} orphaned attachment file(s) removed")
