"""Writes of the migrant-workers section: a worker's complaint (filing, state changes) and notifications."""

import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from labor_portal.cases import numbers
from labor_portal.cases.codes import access_code_current, access_code_for_token, access_code_hash
from labor_portal.cases.documents import case_documents_add
from labor_portal.cases.statelog import case_state_change
from migrant_workers.models import (
    ComplaintTopic,
    MigrantComplaint,
    MigrantComplaintStateChange,
    MigrantComplaintStatus,
    StatusNotification,
)
from migrant_workers.notifications import complaint_confirmation_queue, complaint_status_email_queue

COMPLAINT_KIND = "W"
# What a worker may report that needs the bureau at once: always urgent on the staff workbench.
URGENT_TOPICS = (ComplaintTopic.EMERGENCY, ComplaintTopic.ABUSE)


@dataclass(frozen=True)
class FiledComplaint:
    case: MigrantComplaint
    access_code: str


def complaint_file(*, fields: dict, submission_token: str | None = None, filed_on: date | None = None,
                   user=None) -> FiledComplaint:
    """File a complaint once: a repeated submission with the same token returns the case it created."""
    token = submission_token or secrets.token_urlsafe(32)
    try:
        case = _complaint_create(fields=fields, token=token, filed_on=filed_on or timezone.localdate(), user=user)
    except IntegrityError:
        if existing := MigrantComplaint.objects.filter(submission_token=token).first():
            return FiledComplaint(existing, access_code_current(kind=COMPLAINT_KIND, case=existing))
        raise
    return FiledComplaint(case, access_code_for_token(token))


@transaction.atomic
def _complaint_create(*, fields, token, filed_on, user) -> MigrantComplaint:
    fields = dict(fields)
    urgent = bool(fields.pop("urgent", False)) or fields.get("topic") in URGENT_TOPICS
    case = MigrantComplaint(
        access_code_hash=access_code_hash(access_code_for_token(token)), submission_token=token, filed_on=filed_on,
        language=get_language() or settings.LANGUAGE_CODE, urgent=urgent, created_by=user, updated_by=user,
        **fields,
    )
    complaint_state_change(case, MigrantComplaintStatus.RECEIVED, user=user, on=filed_on)
    case.case_number = numbers.case_number_next(kind=COMPLAINT_KIND, filed_on=filed_on)
    case.save(force_insert=True)
    complaint_confirmation_queue(case=case)
    return case


def complaint_state_change(case: MigrantComplaint, to_state: str, *, user, reason: str = "",
                           on: date | None = None) -> MigrantComplaintStateChange:
    """The one way a complaint changes state (the kit's statelog.case_state_change): logs it and tells the
    worker; the caller saves the case, inside its transaction (holding the row lock, or inserting the case)."""
    return case_state_change(case, to_state, log_model=MigrantComplaintStateChange, user=user, reason=reason, on=on,
                             notify=complaint_status_email_queue)


@transaction.atomic
def complaint_advance(*, case: MigrantComplaint, to_state: str, user=None, reason: str = "",
                      on: date | None = None) -> MigrantComplaint:
    """A clerk moves the complaint on (assigned, sheltered, resolved, closed)."""
    case = MigrantComplaint.objects.select_for_update().get(pk=case.pk)
    if to_state not in MigrantComplaintStatus.values:
        raise ValidationError({"status": _("請選擇狀態。")})
    if case.is_concluded:
        raise ValidationError(_("案件已結案。"))
    if to_state == case.status:
        return case
    complaint_state_change(case, to_state, user=user, reason=reason, on=on)
    if to_state == MigrantComplaintStatus.ASSIGNED and case.handler_id is None and user is not None:
        case.handler = user
    case.updated_by = user
    case.save()
    return case


# --- What a worker does on the complaint's page (the kit's labor_portal.cases.documents) ------------


def _locked(case: MigrantComplaint) -> MigrantComplaint:
    return MigrantComplaint.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def complaint_add_documents(*, case: MigrantComplaint, files, user=None) -> list:
    """The worker sends more documents (pay slips, photos, a contract) while the case is open."""
    return case_documents_add(case=_locked(case), files=files, user=user)


@transaction.atomic
def complaint_withdraw(*, case: MigrantComplaint, user=None, reason: str = "") -> MigrantComplaint:
    """The worker withdraws the complaint before it is concluded; the message comes in their language."""
    case = _locked(case)
    if case.is_concluded:
        raise ValidationError(_("案件已結案，無法撤回。"))
    complaint_state_change(case, MigrantComplaintStatus.WITHDRAWN, user=user, reason=reason)
    case.updated_by = user
    case.save()
    return case


# --- Status notifications ----------------------------------------------------------------------------


@transaction.atomic
def notification_late_review(*, notification: StatusNotification, user, on: date | None = None
                             ) -> StatusNotification:
    """A clerk has dealt with a notification filed late, or still not filed past its deadline (a penalty under
    ESA art. 68, or the delay found excused): it leaves the late-notification queue."""
    notification = StatusNotification.objects.select_for_update().get(pk=notification.pk)
    today = on or timezone.localdate()
    if not notification.filed_late and not (notification.filed_on is None and notification.deadline_on < today):
        raise ValidationError(_("此通報未逾期。"))
    notification.late_reviewed_on = today
    notification.updated_by = user
    notification.save(update_fields=["late_reviewed_on", "updated_by", "updated_at"])
    return notification
