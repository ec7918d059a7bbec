"""Text messages to citizens who gave a phone and no e-mail. The bureau has no SMS gateway yet: the backend is
chosen by settings.SMS_BACKEND, and the default one writes messages to standard output, as Django's console
e-mail backend does (development only; a gateway's backend has `send(*, to, body)`)."""

import logging
import sys

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class ConsoleBackend:
    def send(self, *, to: str, body: str) -> None:
        sys.stdout.write(f"SMS to {to}\n{body}\n{'-' * 40}\n")
        sys.stdout.flush()


class DisabledBackend:
    """Production without a gateway: the text is not sent, and its body (an access code) never reaches a log."""

    def send(self, *, to: str, body: str) -> None:
        logger.warning("no SMS gateway configured (SMS_BACKEND): text to %s… not sent", to[:4])


class LocmemBackend:
    """Keeps messages in `outbox`, for tests (like django.core.mail's locmem backend)."""

    outbox: list[dict] = []

    def send(self, *, to: str, body: str) -> None:
        LocmemBackend.outbox.append({"to": to, "body": body})


def sms_send(*, to: str, body: str) -> None:
    import_string(getattr(settings, "SMS_BACKEND", "labor_portal.cases.sms.ConsoleBackend"))().send(to=to, body=body)


def sms_queue(*, to: str, template: str, context: dict, language: str | None = None) -> None:
    """Send after the caller's transaction commits; a message about a change that rolled back is never sent.

    Not through the outbox (its rows are e-mails): a text that fails is logged and not retried, and the citizen
    may ask again.
    """
    with translation.override(language or translation.get_language()):
        body = render_to_string(template, context).strip()

    def send():
        try:
            sms_send(to=to, body=body)
        except Exception:
            logger.exception("SMS to %s not sent", to[:4])

    transaction.on_commit(send)
