"""The outbox: every message to a citizen, written with the change it reports and sent after that commits.

Delivery is at least once. A row is marked sent only after the mail server accepted it; should the database
fail between the two, the row is sent again later, with the same `Message-ID` header so that mail clients
recognise the duplicate. A message is never lost to a broker outage: it is in the database before anything
is published, and beat's flush (`outbox_send_pending`) sends whatever Celery never got.

Handing a message to Celery after commit is a publish to Redis, about a tenth of a citizen's filing in a web
process's CPU (Celery builds the message, kombu a Redis client). So with a broker a web process publishes one
wake-up for every message it commits within `WAKE_DELAY`: the flush, queued to run `WAKE_DELAY` later, so after
each commit it covers. A lone message is still sent within about `WAKE_DELAY`; under load a process publishes at
most one task per `WAKE_DELAY` instead of one per message. Eager Celery (no broker: development, the tests) sends
each message in-process at its commit.
"""

import logging
import time
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
from labor_portal.celery import app as celery_app
from labor_portal.core.circuit import enqueue_unless_redis_down

logger = logging.getLogger(__name__)

# How long a sender holds a message: far more than one SMTP exchange (EMAIL_TIMEOUT is 10 s).
SEND_LEASE = timedelta(minutes=5)
# How long after a commit a message waits for the wake-up that sends it, at most (with a broker).
WAKE_DELAY = 1.0
# A wake-up covers the commits of a little less than its delay, so that a worker whose clock runs slightly ahead of
# this machine's still runs it after the last commit it covers.
_WAKE_COVERS = 0.8 * WAKE_DELAY


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


# Until when (time.monotonic()) the wake-up this process queued last runs after any commit of its: a message
# committed before then needs no publish of its own. Per process; with threads, a race costs one extra wake-up.
_wake_covers_until = 0.0


def _message_enqueue(message_pk: int) -> None:
    """Run after the message's transaction commits: hand it to Celery (see the module's docstring)."""
    global _wake_covers_until
    from labor_portal.cases.tasks import outbox_message_send, outbox_send_pending

    if celery_app.conf.task_always_eager:
        enqueue_unless_redis_down(outbox_message_send, message_pk)
        return
    now = time.monotonic()
    if now < _wake_covers_until:
        return  # the wake-up queued last runs after this commit and sends this message too
    # Not queued (Redis down): the row stays pending and beat's flush sends it; the next commit tries again.
    if enqueue_unless_redis_down(outbox_send_pending.signature(countdown=WAKE_DELAY)):
        _wake_covers_until = now + _WAKE_COVERS


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
