from django.core.management.base import BaseCommand

from labor_portal.cases.outbox import outbox_send_pending


class Command(BaseCommand):
    help = "Send every message to citizens still waiting in the outbox, of every section (what beat does every minute)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=10_000)

    def handle(self, *args, limit, **options):
        sent = outbox_send_pending(limit=limit)
        self.stdout.write(f"sent {sent} message(s)")
