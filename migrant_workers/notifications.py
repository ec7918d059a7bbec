"""Messages to a worker about their complaint, through the outbox, in the language they filed in."""

from labor_portal.cases.outbox import message_queue
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus

STATUS_EMAIL_KIND = "migrant_workers.status"
CONFIRMATION_KIND = "migrant_workers.confirmation"
# A filing is told by its confirmation; every later state by a status message.
STATUS_EMAIL_STATES = tuple(state for state in MigrantComplaintStatus if state != MigrantComplaintStatus.RECEIVED)


def complaint_confirmation_queue(*, case: MigrantComplaint) -> int:
    if not case.email:
        return 0
    message_queue(case=case, recipient=case.email, kind=CONFIRMATION_KIND,
                  template="migrant_workers/email/confirmation", language=case.language)
    return 1


def complaint_status_email_queue(*, case: MigrantComplaint, state: str) -> int:
    """Tell the worker (if they gave an e-mail) that the case is now in `state`, after the caller commits."""
    if state not in STATUS_EMAIL_STATES or not case.email:
        return 0
    message_queue(case=case, recipient=case.email, kind=STATUS_EMAIL_KIND, template="migrant_workers/email/status",
                  language=case.language, context={"state": state})
    return 1
