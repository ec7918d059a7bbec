"""Writes of the employment section's complaints: filing, documents, withdrawal, and the investigation's steps.

Every state change goes through complaint_state_change, under the case's row lock, and writes the state log and
the complainant's status e-mail (through the kit's outbox, sent after commit).
"""

import calendar
import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from employment.grounds import Ground
from employment.models import (
    OTHER_ACTS,
    OUTCOMES,
    ComplaintFiledVia,
    ComplaintStatus,
    DiscriminationComplaint,
    EmploymentComplaint,
    HarassmentComplaint,
    ScamComplaint,
)
from employment.notifications import complaint_confirmation_queue, complaint_status_email_queue
from employment.timelimits import harassment_filing_deadline
from labor_portal.cases import numbers
from labor_portal.cases.attachments import MAX_ATTACHMENTS, attachment_build, attachment_files_kept_only_on_success
from labor_portal.cases.codes import access_code_current, access_code_for_token, access_code_hash
from labor_portal.cases.documents import case_documents_add
from labor_portal.cases.kinds import case_kind_for_model
from labor_portal.cases.statelog import case_state_change
from labor_portal.core.models import rule_on


@dataclass(frozen=True)
class FiledComplaint:
    case: EmploymentComplaint
    access_code: str


def _state_model(model):
    return model.state_changes.rel.related_model


def _attachment_model(model):
    return model.attachments.rel.related_model


def complaint_letter(model) -> str:
    return case_kind_for_model(model).letter


# --- Filing --------------------------------------------------------------------------------------


def discrimination_main_ground(grounds: list[str]) -> str:
    """The ground a complaint is counted under until a clerk says otherwise: the first ticked, in the Act's order
    (art. 5 para. 1), or OTHER_ACTS for a complaint about a para. 2 act only."""
    ticked = set(grounds)
    return next((ground.value for ground in Ground if ground.value in ticked), OTHER_ACTS)


def complaint_file(*, model: type[EmploymentComplaint], fields: dict, files=(), submission_token: str | None = None,
                   filed_via: str = ComplaintFiledVia.ONLINE, filed_on: date | None = None,
                   user=None) -> FiledComplaint:
    """File a complaint once: a repeated submission with the same token returns the case it created."""
    token = submission_token or secrets.token_urlsafe(32)
    try:
        with attachment_files_kept_only_on_success() as stored:
            case = _complaint_create(model=model, fields=fields, files=files, token=token, filed_via=filed_via,
                                     filed_on=filed_on or timezone.localdate(), user=user, stored=stored)
    except IntegrityError:
        # The same form sent twice at once: the other request created the case.
        if existing := model.objects.filter(submission_token=token).first():
            return FiledComplaint(existing, access_code_current(kind=complaint_letter(model), case=existing))
        raise
    return FiledComplaint(case, access_code_for_token(token))


def complaint_prepare(case: EmploymentComplaint) -> None:
    """What a complaint derives from what was filed: a discrimination complaint's main ground, a harassment
    complaint's filing deadline (under the limits in force on its filing day). Also for paper complaints."""
    if isinstance(case, DiscriminationComplaint):
        if not case.grounds and not case.other_acts:
            raise ValidationError(_("請至少勾選一項歧視事由或第5條第2項情事。"))
        if not case.main_ground:
            case.main_ground = discrimination_main_ground(case.grounds)
    elif isinstance(case, HarassmentComplaint):
        harassment_deadline_set(case)


def harassment_deadline_set(case: HarassmentComplaint) -> None:
    """The complaint's filing deadline, its basis and whether it appears late, from its dates as they are now
    (the limits in force on its filing day): at filing, and again whenever staff correct a date it depends on."""
    if not (case.filed_on and case.learned_on and case.act_ended_on):
        return  # the form refuses the save; nothing to count from
    deadline = harassment_filing_deadline(
        filed_on=case.filed_on, learned_on=case.learned_on, act_ended_on=case.act_ended_on,
        abused_power=case.respondent_abused_power, victim_was_minor=case.victim_was_minor,
        birth_date=case.complainant_birth_date, respondent_is_top_manager=case.respondent_is_top_manager,
        left_job_on=case.left_job_on,
    )
    case.filing_deadline, case.deadline_basis = deadline.last_day, deadline.basis
    case.appears_late = deadline.is_late(case.filed_on)


@transaction.atomic
def _complaint_create(*, model, fields, files, token, filed_via, filed_on, user, stored: list[str]):
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError(_("附件最多 %(max)s 個。") % {"max": MAX_ATTACHMENTS})
    stamp = {"created_by": user, "updated_by": user}
    case = model(
        access_code_hash=access_code_hash(access_code_for_token(token)), submission_token=token,
        filed_via=filed_via, filed_on=filed_on, language=get_language() or settings.LANGUAGE_CODE,
        **fields, **stamp,
    )
    complaint_prepare(case)
    # The case number locks the year's counter until commit: the case row comes last (see disputes).
    attachments = []
    for upload in files:
        attachments.append(attachment_build(_attachment_model(model), case=case, upload=upload, **stamp))
        stored.append(attachments[-1].file.name)
    for attachment in attachments:
        attachment.save(force_insert=True)
    complaint_confirmation_queue(case=case)
    complaint_state_change(case, ComplaintStatus.RECEIVED, user=user, on=filed_on)
    case.case_number = numbers.case_number_next(kind=complaint_letter(model), filed_on=filed_on)
    case.save(force_insert=True)
    return case


def complaint_paper_start(*, case: EmploymentComplaint, user) -> str:
    """A complaint a clerk enters (paper, in person), inside the admin's transaction: its number, access code
    (returned, to hand over once), derived fields and first state; the caller saves it."""
    code = access_code_for_token(secrets.token_urlsafe(32))
    case.access_code_hash = access_code_hash(code)
    complaint_prepare(case)
    entered = case.status
    complaint_state_change(case, ComplaintStatus.RECEIVED, user=user, on=case.filed_on)
    if entered != ComplaintStatus.RECEIVED:
        complaint_state_change(case, entered, user=user, on=case.concluded_on or case.assigned_on)
    # The confirmation an online filing gets (after the admin's transaction commits).
    complaint_confirmation_queue(case=case)
    case.case_number = numbers.case_number_next(kind=complaint_letter(type(case)), filed_on=case.filed_on)
    return code


# --- Citizen actions after filing ----------------------------------------------------------------


def _locked(case: EmploymentComplaint) -> EmploymentComplaint:
    return type(case).objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def complaint_add_documents(*, case: EmploymentComplaint, files, user=None) -> list:
    """The complainant sends more documents while the case is open (the kit's labor_portal.cases.documents)."""
    return case_documents_add(case=_locked(case), files=files, user=user)


@transaction.atomic
def complaint_withdraw(*, case: EmploymentComplaint, withdrawn_on: date | None = None, user=None,
                       reason: str = "") -> EmploymentComplaint:
    """Withdrawn before a decision (a harassment complaint withdrawn may not be filed again: art. 32-1)."""
    case = _locked(case)
    if case.is_concluded:
        raise ValidationError(_("案件已結案，無法撤回。"))
    case.concluded_on = withdrawn_on or timezone.localdate()
    complaint_state_change(case, ComplaintStatus.WITHDRAWN, user=user, on=case.concluded_on, reason=reason)
    return _save(case, user)


# --- State changes -------------------------------------------------------------------------------


def complaint_state_change(case: EmploymentComplaint, to_state: str, *, user, reason: str = "",
                           on: date | None = None):
    """The one way a complaint changes state (the kit's statelog.case_state_change): sets `case.status`, writes
    its state log and (for a case already filed) the complainant's status e-mail; the caller saves the case,
    inside its transaction and row lock. `on` is the business date the change counts on in reports (default
    today), never before the last change.
    """
    return case_state_change(case, to_state, log_model=_state_model(type(case)), user=user, reason=reason, on=on,
                             notify=complaint_status_email_queue)


def complaint_errors(case: EmploymentComplaint) -> dict:
    """What is wrong with a complaint's state and dates, by field."""
    errors = {}
    if case.status in OUTCOMES and not case.concluded_on:
        errors["concluded_on"] = _("請填寫結案日期。")
    if case.concluded_on and case.status not in OUTCOMES:
        errors["concluded_on"] = _("案件尚未結案，請勿填寫結案日期。")
    if case.concluded_on and case.filed_on and case.concluded_on < case.filed_on:
        errors["concluded_on"] = _("結案日期不得早於受理日期。")
    if case.status == ComplaintStatus.REFERRED and isinstance(case, ScamComplaint):
        errors["status"] = _("求職防騙申訴不提送就業歧視評議委員會。")
    if case.status == ComplaintStatus.INVESTIGATING and not case.handler_id:
        errors["handler"] = _("分案時請指定承辦人。")
    return errors


def _save(case: EmploymentComplaint, user) -> EmploymentComplaint:
    if errors := complaint_errors(case):
        raise ValidationError(errors)
    case.updated_by = user
    case.save()
    return case


def months_after(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it has no such day (31 Jan + 1 → 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def investigation_due(assigned_on: date) -> date:
    """The investigation's deadline counted from its assignment (months as dated data, LegalRule)."""
    months = int(rule_on("employment.complaint_investigation_months", assigned_on))
    return months_after(assigned_on, months)


@transaction.atomic
def complaint_assign(*, case: EmploymentComplaint, handler, assigned_on: date | None = None,
                     due_on: date | None = None, user=None) -> EmploymentComplaint:
    """Give the complaint to a handler (承辦人) and start the investigation, with its deadline."""
    case = _locked(case)
    if case.is_concluded:
        raise ValidationError(_("案件已結案。"))
    case.handler = handler
    case.assigned_on = assigned_on or timezone.localdate()
    case.investigation_due_on = due_on or investigation_due(case.assigned_on)
    if case.status == ComplaintStatus.RECEIVED:
        complaint_state_change(case, ComplaintStatus.INVESTIGATING, user=user, on=case.assigned_on)
    return _save(case, user)


@transaction.atomic
def complaint_extend(*, case: EmploymentComplaint, reason: str, user=None) -> EmploymentComplaint:
    """Extend the investigation once, by the months the rule in force allows."""
    case = _locked(case)
    if case.investigation_due_on is None or case.is_concluded:
        raise ValidationError(_("只有調查中的案件可以延長調查期限。"))
    if case.investigation_extended:
        raise ValidationError(_("調查期限已延長過一次。"))
    if not reason.strip():
        raise ValidationError({"reason": _("延長調查期限須說明理由。")})
    months = int(rule_on("employment.complaint_extension_months", case.investigation_due_on))
    case.investigation_due_on = months_after(case.investigation_due_on, months)
    case.investigation_extended = True
    case.staff_notes = f"{case.staff_notes}\n{timezone.localdate()} 延長調查期限：{reason.strip()}".strip()
    return _save(case, user)


@transaction.atomic
def complaint_refer(*, case: EmploymentComplaint, referred_on: date | None = None, user=None):
    """Put the complaint before the review committee (就業歧視評議委員會)."""
    case = _locked(case)
    if case.status not in (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING):
        raise ValidationError(_("只有受理或調查中的案件可以提送評議委員會。"))
    complaint_state_change(case, ComplaintStatus.REFERRED, user=user, on=referred_on)
    return _save(case, user)


@transaction.atomic
def complaint_decide(*, case: EmploymentComplaint, outcome: str, concluded_on: date, reason: str = "",
                     user=None) -> EmploymentComplaint:
    """The outcome: substantiated, not substantiated, or closed without a decision (out of time, passed on)."""
    case = _locked(case)
    if case.is_concluded:
        raise ValidationError(_("案件已結案。"))
    if outcome not in (ComplaintStatus.SUBSTANTIATED, ComplaintStatus.NOT_SUBSTANTIATED, ComplaintStatus.CLOSED):
        raise ValidationError({"status": _("請選擇處理結果。")})
    case.concluded_on = concluded_on
    complaint_state_change(case, outcome, user=user, on=concluded_on, reason=reason)
    return _save(case, user)


@transaction.atomic
def complaint_staff_change(*, case: EmploymentComplaint, previous_status: str, user,
                           reason: str = "") -> EmploymentComplaint:
    """Save the admin form's edit of a complaint the admin read under its row lock; a changed state goes through
    complaint_state_change (dated: an outcome on its concluded_on, an assignment on its assigned_on). A harassment
    complaint's filing deadline follows the dates as corrected (learned on, act ended, filed on, ...)."""
    if isinstance(case, HarassmentComplaint):
        harassment_deadline_set(case)
    to_state = case.status
    case.status = previous_status
    if to_state != previous_status:
        on = case.concluded_on if to_state in OUTCOMES else (
            case.assigned_on if to_state == ComplaintStatus.INVESTIGATING else None)
        complaint_state_change(case, to_state, user=user, on=on, reason=reason)
        if to_state == ComplaintStatus.INVESTIGATING and case.assigned_on and not case.investigation_due_on:
            case.investigation_due_on = investigation_due(case.assigned_on)
    return _save(case, user)


MODELS = (DiscriminationComplaint, HarassmentComplaint, ScamComplaint)
