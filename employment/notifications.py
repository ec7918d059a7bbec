"""Messages to complainants, through the case kit's outbox (labor_portal.cases.outbox), in the filing language."""

from employment.models import ComplaintStatus
from labor_portal.cases.outbox import message_queue

# The states a complainant is told about; a new filing is told by its confirmation instead.
STATUS_EMAIL_STATES = (
    ComplaintStatus.INVESTIGATING, ComplaintStatus.REFERRED, ComplaintStatus.SUBSTANTIATED,
    ComplaintStatus.NOT_SUBSTANTIATED, ComplaintStatus.WITHDRAWN, ComplaintStatus.CLOSED,
)
STATUS_EMAIL_KIND = "employment.status"
CONFIRMATION_EMAIL_KIND = "employment.confirmation"


def complaint_confirmation_queue(*, case) -> bool:
    """The filing's confirmation, written in the filing's transaction and sent after commit."""
    if not case.complainant_email:
        return False
    message_queue(case=case, recipient=case.complainant_email, kind=CONFIRMATION_EMAIL_KIND,
                  template="employment/email/confirmation", language=case.language)
    return True


def complaint_status_email_queue(*, case, state: str) -> bool:
    """Tell the complainant (if they gave an e-mail) that `case` is now in `state`."""
    if state not in STATUS_EMAIL_STATES or not case.complainant_email:
        return False
    message_queue(case=case, recipient=case.complainant_email, kind=STATUS_EMAIL_KIND,
                  template="employment/email/status", language=case.language, context={"state": state})
    return True
