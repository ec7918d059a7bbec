from django.core.management.base import BaseCommand

from disputes.services import confirmation_emails_send_pending


class Command(BaseCommand):
    help = "Send every pending mediation-application confirmation e-mail (what beat does every minute)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=10_000)

    def handle(self, *args, limit, **options):
        sent = confirmation_emails_send_pending(limit=limit)
        self.stdout.write(f"sent {sent} confirmation e-mail(s)")
