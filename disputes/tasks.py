"""Thin Celery wrappers around the confirmation outbox (see services)."""

from celery import shared_task

from disputes import services


# No result kept: nobody waits for it, and publishing stays a single write to the broker.
@shared_task(name="disputes.send_confirmation_email", ignore_result=True)
def send_confirmation_email(email_id: int) -> bool:
    return services.confirmation_email_send(email_id=email_id)


@shared_task(name="disputes.send_pending_confirmation_emails", ignore_result=True)
def send_pending_confirmation_emails() -> int:
    """Run by beat: sends what could not be queued when it was written (e.g. while Redis was down)."""
    return services.confirmation_emails_send_pending()
