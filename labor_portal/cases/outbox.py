"""The outbox: every message to a citizen, written with the change it reports and sent after that commits.

Delivery is at least once. A row is marked sent only after the mail server accepted it; should the database
fail between the two, the row is sent again later, with the same `Message-ID` header so that mail clients
recognise the duplicate. A message is never lost to a broker outage: it is in the database before anything
is published, and beat's flush (`outbox_send_pending`) sends whatever Celery never got.
"""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language

from labor_portal.cases.models import OutboxMessage
from labor_portal.core.circuit import enqueue_unless_redis_down

logger = logging.getLogger(__name__)

# How long a sender holds a message: far more than one SMTP exchange (EMAIL_TIMEOUT is 10 s).
SEND_LEASE = timedelta(minutes=5)


# Not atomic itself: one INSERT, made in the caller's transaction (a savepoint would only cost two round trips).
def message_queue(*, case, recipient: str, kind: str, template: str, language: str | None = None,
                  context: dict | None = None) -> OutboxMessage:
    """Write a message to `recipient` about `case`; hand it to Celery once the caller's transaction commits.

    `template` names `<template>_subject.txt` and `<template>.txt`, rendered when sending with
    {"case": case, **context} in `language` (by default the active one: the page the citizen filed on).
    `context` must be JSON and must not hold secrets such as an access code: the row is kept.
    """
    message = OutboxMessage.objects.create(
        content_type=ContentType.objects.get_for_model(case),
        object_id=str(case.pk),
        section=case._meta.app_label,
        kind=kind,
        template=template,
        recipient=recipient,
        language=language or get_language(),
        context=context or {},
    )
    transaction.on_commit(lambda: _message_enqueue(message.pk), robust=True)
    return message


def _message_enqueue(message_pk: int) -> None:
    from labor_portal.cases.tasks import outbox_message_send

    # Not queued (Redis down): the row stays pending and beat's flush sends it.
    enqueue_unless_redis_down(outbox_message_send, message_pk)


def outbox_send(*, message_id: int) -> bool:
    """Send one message unless it was sent or another sender holds it. True when this call sent it.

    Not one transaction on purpose: the claim must be committed before the (slow, external) sending, so that a
    concurrent sender sees it, and the mark after it.
    """
    now = timezone.now()
    claimed = (
        OutboxMessage.objects.filter(pk=message_id, sent_at=None)
        .filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        .update(claimed_until=now + SEND_LEASE, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    message = OutboxMessage.objects.select_related("content_type").get(pk=message_id)
    case = message.case
    if case is None:
        # The case was deleted after the message was written: there is nothing left to tell about.
        logger.info("outbox message %s dropped: its case %s is gone", message_id, message.object_id)
        message.delete()
        return False
    try:
        _email(message, case).send()
    except (SMTPException, OSError) as exc:
        OutboxMessage.objects.filter(pk=message_id).update(claimed_until=None, last_error=str(exc)[:1000])
        logger.warning("outbox message %s not sent: %s", message_id, exc)
        return False
    _sent_mark(message_id)
    return True


def _sent_mark(message_id: int) -> None:
    # Should this UPDATE fail (database gone), the lease passes and the message is sent again with the same
    # Message-ID: at least once, never silently dropped.
    OutboxMessage.objects.filter(pk=message_id).update(sent_at=timezone.now(), claimed_until=None, last_error="")


def _email(message: OutboxMessage, case) -> EmailMessage:
    context = {"case": case, **message.context}
    with translation.override(message.language):
        # One line: a header may not contain line breaks.
        subject = " ".join(render_to_string(f"{message.template}_subject.txt", context).split())
        body = render_to_string(f"{message.template}.txt", context)
    return EmailMessage(subject, body, None, [message.recipient], headers={"Message-ID": message.message_id})


def outbox_send_pending(*, limit: int = 500) -> int:
    """Send every message still waiting, of every kind (run by beat and by `manage.py outbox_send_pending`)."""
    now = timezone.now()
    pending = (
        OutboxMessage.objects.filter(sent_at=None)
        .filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(outbox_send(message_id=pk) for pk in list(pending))
