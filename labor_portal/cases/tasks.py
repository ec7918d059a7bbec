"""Thin Celery wrappers around the outbox (see labor_portal.cases.outbox)."""

from celery import shared_task

from labor_portal.cases import outbox


# No result kept: nobody waits for it, and publishing stays a single write to the broker.
@shared_task(name="cases.outbox_message_send", ignore_result=True)
def outbox_message_send(message_id: int) -> bool:
    return outbox.outbox_send(message_id=message_id)


@shared_task(name="cases.outbox_send_pending", ignore_result=True)
def outbox_send_pending() -> int:
    """Run by beat: sends what could not be queued when it was written (e.g. while Redis was down)."""
    return outbox.outbox_send_pending()


@shared_task(name="cases.attachment_orphans_sweep", ignore_result=True)
def attachment_orphans_sweep() -> int:
    """Run by beat: removes files of filings that never committed (labor_portal.cases.attachments)."""
    from labor_portal.cases.attachments import attachment_orphans_sweep as sweep

    return len(sweep())
