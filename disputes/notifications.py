"""Messages to the applicants of a dispute case, through the outbox (labor_portal.cases.outbox)."""

from disputes.models import DisputeCase, DisputeStatus
from labor_portal.cases.outbox import message_queue

# The states an applicant is told about: the case received (again, after a reopening), assigned, a meeting
# scheduled, concluded (settled or not) and withdrawn. A new filing is told by its confirmation instead.
STATUS_EMAIL_STATES = (
    DisputeStatus.RECEIVED, DisputeStatus.ASSIGNED, DisputeStatus.SCHEDULED, DisputeStatus.SETTLED,
    DisputeStatus.NOT_SETTLED, DisputeStatus.WITHDRAWN,
)
STATUS_EMAIL_KIND = "disputes.status"


def dispute_status_email_queue(*, case: DisputeCase, state: str) -> int:
    """Tell every applicant with an e-mail address that `case` is now in `state`, in the language they filed
    in; the e-mails go out after the caller's transaction commits. Returns how many were written."""
    if state not in STATUS_EMAIL_STATES:
        return 0
    recipients = sorted({email for email in case.applicants.values_list("email", flat=True) if email})
    for recipient in recipients:
        message_queue(case=case, recipient=recipient, kind=STATUS_EMAIL_KIND, template="disputes/email/status",
                      language=case.language, context={"state": state})
    return len(recipients)
