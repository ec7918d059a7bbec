"""Writes of the disputes section: filing, mediation steps, outcomes, confirmations, fund decisions."""

import logging
import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from disputes.models import (
    OUTCOMES,
    Applicant,
    Attachment,
    ClaimItem,
    DisputeCase,
    DisputeCategory,
    DisputeGradingChange,
    DisputeStateChange,
    DisputeStatus,
    FiledVia,
    FundDecision,
    FundDecisionChange,
    MediationChannel,
    MediationSession,
    Reopening,
    RightsFundApplication,
    outcome_errors,
)
from disputes.notifications import dispute_status_email_queue
from labor_portal.cases import numbers
from labor_portal.cases.attachments import MAX_ATTACHMENTS, attachment_build, attachment_files_kept_only_on_success
from labor_portal.cases.codes import access_code_current, access_code_for_token, access_code_hash
from labor_portal.cases.documents import case_documents_add
from labor_portal.cases.outbox import message_queue
from labor_portal.cases.statelog import case_state_change, latest_change_day

logger = logging.getLogger(__name__)

# The letter of a dispute's case number (109-D-000123); disputes/cases.py registers the kind under it.
DISPUTE_KIND = "D"


@dataclass(frozen=True)
class FiledCase:
    case: DisputeCase
    access_code: str


# --- Case numbers ------------------------------------------------------------------------------


def case_number_next(*, filed_on: date) -> str:
    """The next dispute number (labor_portal.cases.numbers); the staff admin's paper filings take theirs here."""
    return numbers.case_number_next(kind=DISPUTE_KIND, filed_on=filed_on)


# --- Filing --------------------------------------------------------------------------------------


def dispute_case_file(
    *,
    applicants: list[dict],
    respondent: dict,
    main_category: str,
    categories: list[str],
    claims: list[dict],
    account: str,
    files=(),
    submission_token: str | None = None,
    filed_via: str = FiledVia.ONLINE,
    filed_on: date | None = None,
    user=None,
) -> FiledCase:
    """File an application once: a repeated submission with the same token returns the case it created."""
    token = submission_token or secrets.token_urlsafe(32)
    # No lookup first: repeats are rare, and the unique token turns one into an IntegrityError below.
    try:
        with attachment_files_kept_only_on_success() as stored:
            case = _dispute_case_create(
                applicants=applicants, respondent=respondent, main_category=main_category, categories=categories,
                claims=claims, account=account, files=files, token=token, filed_via=filed_via,
                filed_on=filed_on or timezone.localdate(), user=user, stored=stored,
            )
    except IntegrityError:
        # The same form sent twice at once: the other request created the case (its code may since have
        # been re-issued).
        if existing := DisputeCase.objects.filter(submission_token=token).first():
            return FiledCase(existing, access_code_current(kind=DISPUTE_KIND, case=existing))
        raise
    return FiledCase(case, access_code_for_token(token))


@transaction.atomic
def _dispute_case_create(*, applicants, respondent, main_category, categories, claims, account, files, token,
                         filed_via, filed_on, user, stored: list[str]) -> DisputeCase:
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError(_("附件最多 %(max)s 個。") % {"max": MAX_ATTACHMENTS})
    stamp = {"created_by": user, "updated_by": user}
    case = DisputeCase(
        access_code_hash=access_code_hash(access_code_for_token(token)),
        submission_token=token,
        filed_via=filed_via,
        filed_on=filed_on,
        language=get_language() or settings.LANGUAGE_CODE,
        main_category=main_category,
        categories=sorted(set(categories) | {main_category}),
        account=account,
        **{f"respondent_{key}": value for key, value in respondent.items()},
        **stamp,
    )
    # The case number locks the year's counter until commit, so the case row comes last: its children are
    # inserted first (foreign keys are checked at commit) and the lock is held for two inserts only.
    attachments = []
    for upload in files:
        attachments.append(_attachment_write(case, upload, user))
        stored.append(attachments[-1].file.name)
    for person in applicants:
        Applicant.objects.create(case=case, **person, **stamp)
    for claim in claims:
        ClaimItem.objects.create(case=case, **claim, **stamp)
    for attachment in attachments:
        attachment.save(force_insert=True)
    for recipient in _recipients(applicants):
        _confirmation_email_queue(case, recipient)
    dispute_case_state_change(case, DisputeStatus.RECEIVED, user=user, on=filed_on)
    case.case_number = case_number_next(filed_on=filed_on)
    case.save(force_insert=True)
    return case


def _attachment_write(case: DisputeCase, upload, user) -> Attachment:
    """The attachment with its file written; its row is saved by the caller."""
    return attachment_build(Attachment, case=case, upload=upload, created_by=user, updated_by=user)


def _recipients(applicants) -> list[str]:
    """The applicants' e-mail addresses, each once (dicts at filing, Applicant rows afterwards)."""
    emails = (person["email"] if isinstance(person, dict) else person.email for person in applicants)
    return sorted({email for email in emails if email})


def _confirmation_email_queue(case: DisputeCase, recipient: str) -> None:
    """Write the confirmation to the outbox in the filing's transaction; it is sent after commit."""
    message_queue(case=case, recipient=recipient, kind="disputes.confirmation",
                  template="disputes/email/confirmation", language=case.language)


@transaction.atomic
def dispute_case_confirmation_queue(*, case: DisputeCase) -> None:
    """The filing confirmation of a case entered by staff (a paper filing), once its applicants are saved."""
    for recipient in _recipients(case.applicants.all()):
        _confirmation_email_queue(case, recipient)


# --- Citizen actions after filing ----------------------------------------------------------------


@transaction.atomic
def dispute_case_add_documents(*, case: DisputeCase, files, user=None) -> list[Attachment]:
    """The applicants send more documents while the case is open (the kit's labor_portal.cases.documents)."""
    return case_documents_add(case=DisputeCase.objects.select_for_update().get(pk=case.pk), files=files, user=user)


@transaction.atomic
def dispute_case_withdraw(*, case: DisputeCase, withdrawn_on: date | None = None, user=None) -> DisputeCase:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if case.is_concluded:
        raise ValidationError(_("案件已結案，無法撤回。"))
    case.concluded_on = withdrawn_on or timezone.localdate()
    dispute_case_state_change(case, DisputeStatus.WITHDRAWN, user=user, on=case.concluded_on)
    return _save_checked(case, user)


# --- State changes -------------------------------------------------------------------------------


def dispute_case_state_change(case: DisputeCase, to_state: str, *, user, reason: str = "",
                              on: date | None = None) -> DisputeStateChange:
    """The one way a case changes state (the kit's statelog.case_state_change): sets `case.status`, writes the
    state log and the applicants' status e-mail; the caller saves the case, inside its transaction and row lock.
    `on` is the business date the change counts on in reports (default today), never before the last change.
    """
    return case_state_change(case, to_state, log_model=DisputeStateChange, user=user, reason=reason, on=on,
                             notify=dispute_status_email_queue)


def dispute_state_replay(*, status: str, filed_on: date, assigned_on: date | None, first_session_on: date | None,
                         concluded_on: date | None, reopenings) -> list[tuple[str, str, date]]:
    """The transitions a case's recorded dates imply, oldest first, as (from_state, to_state, changed_on): the
    backfill of the state log (migration 0006, the demo loader).

    Received on filed_on; assigned on assigned_on; scheduled on the first session; each reopening
    (previous_status, previous_concluded_on, reopened_on), in the order they happened, concluded on its
    previous_concluded_on and reopened to the open state it had reached; the outcome on concluded_on. A step
    dated while the case stood concluded takes effect at the next reopening, so that a case without reopenings
    is an outcome exactly from its concluded_on, as the reports counted it before the log existed.
    """
    opened = (DisputeStatus.RECEIVED, DisputeStatus.ASSIGNED, DisputeStatus.SCHEDULED)
    # (day, to_state, kind) in the case's logical order; a stable sort by day keeps that order within a day.
    events = [(filed_on, DisputeStatus.RECEIVED, "open")]
    if assigned_on:
        events.append((max(assigned_on, filed_on), DisputeStatus.ASSIGNED, "open"))
    if first_session_on:
        events.append((max(first_session_on, filed_on), DisputeStatus.SCHEDULED, "open"))
    for previous_status, previous_concluded_on, reopened_on in reopenings:
        events.append((previous_concluded_on or reopened_on, previous_status, "outcome"))
        events.append((reopened_on, None, "reopen"))
    if status in OUTCOMES and concluded_on:
        events.append((concluded_on, status, "outcome"))
    events.sort(key=lambda event: event[0])
    changes: list[tuple[str, str, date]] = []
    state, open_state, day = "", DisputeStatus.RECEIVED, filed_on
    for day, to_state, kind in events:
        if kind == "open":
            open_state = max(open_state, to_state, key=opened.index)
            if state in OUTCOMES:
                continue
            to_state = open_state
        elif kind == "reopen":
            if state not in OUTCOMES:
                continue
            to_state = open_state
        if to_state != state:
            changes.append((state, to_state, day))
            state = to_state
    if status not in OUTCOMES and state != status:
        changes.append((state, status, day))
    return changes


# --- Staff actions -------------------------------------------------------------------------------


def _save_checked(case: DisputeCase, user) -> DisputeCase:
    errors = outcome_errors(case)
    if errors:
        raise ValidationError(errors)
    case.updated_by = user
    case.save()
    return case


@transaction.atomic
def dispute_case_assign(*, case: DisputeCase, channel: str, mediation_body: str, assigned_on: date | None = None,
                        user=None) -> DisputeCase:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if case.is_concluded:
        raise ValidationError(_("案件已結案，請先重新開案。"))
    case.mediation_body = mediation_body
    case.assigned_on = assigned_on or timezone.localdate()
    # The channel is part of the case's grading: the reports read it as it stood at a period's end.
    dispute_case_grading_change(case, main_category=case.main_category, channel=channel, user=user,
                                on=case.assigned_on)
    if case.status == DisputeStatus.RECEIVED:
        dispute_case_state_change(case, DisputeStatus.ASSIGNED, user=user, on=case.assigned_on)
    return _save_checked(case, user)


@transaction.atomic
def dispute_case_schedule_session(*, case: DisputeCase, held_on: date, place: str, attendees: str = "",
                                  user=None) -> MediationSession:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if not case.channel:
        raise ValidationError(_("請先分案（選擇處理方式）再排定調解會議。"))
    if held_on < case.filed_on:
        raise ValidationError({"held_on": _("會議日期不得早於受理日期。")})
    session = MediationSession.objects.create(
        case=case, held_on=held_on, place=place, attendees=attendees, created_by=user, updated_by=user
    )
    if case.status in (DisputeStatus.RECEIVED, DisputeStatus.ASSIGNED):
        # Scheduled today, or on the session's day when a past session is entered late.
        dispute_case_state_change(case, DisputeStatus.SCHEDULED, user=user,
                                  on=min(held_on, timezone.localdate()))
        _save_checked(case, user)
    return session


@transaction.atomic
def dispute_case_record_outcome(*, case: DisputeCase, outcome: str, concluded_on: date,
                                settled_amount: int | None = None, user=None) -> DisputeCase:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if case.is_concluded:
        raise ValidationError(_("案件已結案；要改變結果請先重新開案並說明理由。"))
    if outcome not in OUTCOMES:
        raise ValidationError({"status": _("請選擇調解結果。")})
    case.concluded_on = concluded_on
    case.settled_amount = settled_amount if outcome == DisputeStatus.SETTLED else None
    dispute_case_state_change(case, outcome, user=user, on=concluded_on)
    return _save_checked(case, user)


@transaction.atomic
def dispute_case_reopen(*, case: DisputeCase, reason: str, reopened_on: date | None = None, user=None) -> Reopening:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if not case.is_concluded:
        raise ValidationError(_("案件尚未結案，不需重新開案。"))
    if not (reason or "").strip():
        raise ValidationError({"reopen_reason": _("重新開案須說明理由。")})
    reopening = reopening_record(
        case=case, reason=reason, previous_status=case.status, previous_concluded_on=case.concluded_on,
        reopened_on=reopened_on, user=user,
    )
    reopened_to = DisputeStatus.SCHEDULED if case.sessions.exists() else (
        DisputeStatus.ASSIGNED if case.channel else DisputeStatus.RECEIVED
    )
    dispute_case_state_change(case, reopened_to, user=user, reason=reopening.reason, on=reopening.reopened_on)
    case.concluded_on, case.settled_amount = None, None
    _save_checked(case, user)
    return reopening


def _state_change_day(case: DisputeCase, to_state: str) -> date | None:
    """The business date of a change made on the admin form: an outcome's concluded_on, an assignment's
    assigned_on, otherwise today."""
    if to_state in OUTCOMES:
        return case.concluded_on
    if to_state == DisputeStatus.ASSIGNED:
        return case.assigned_on
    return None


def dispute_case_paper_state_start(*, case: DisputeCase, user) -> None:
    """The state log of a paper case the admin is inserting (in the admin's transaction): received on its
    filing date, then the state it was entered with, if further."""
    entered = case.status
    dispute_case_state_change(case, DisputeStatus.RECEIVED, user=user, on=case.filed_on)
    if entered != DisputeStatus.RECEIVED:
        dispute_case_state_change(case, entered, user=user, on=_state_change_day(case, entered))


@transaction.atomic
def dispute_case_staff_change(*, case: DisputeCase, previous: dict, reopen_reason: str = "", user) -> DisputeCase:
    """Save the admin form's edit of a case. The admin read the case under its row lock (DisputeCaseAdmin.
    get_object) and checked the form against that state (`previous`: status, concluded_on, settled_amount); a
    change of state goes through dispute_case_state_change, a changed outcome keeps a Reopening record."""
    to_state = case.status
    case.status = previous["status"]
    outcome_changed = any(getattr(case, name) != previous[name] for name in ("concluded_on", "settled_amount"))
    if previous["status"] in OUTCOMES and (to_state != previous["status"] or outcome_changed):
        reopening = reopening_record(
            case=case, reason=reopen_reason, previous_status=previous["status"],
            previous_concluded_on=previous["concluded_on"], user=user,
        )
        on = case.concluded_on if to_state in OUTCOMES else reopening.reopened_on
        dispute_case_state_change(case, to_state, user=user, reason=reopening.reason, on=on)
    elif to_state != previous["status"]:
        dispute_case_state_change(case, to_state, user=user, on=_state_change_day(case, to_state))
    case.updated_by = user
    case.save()
    return case


# --- Grading (main category, handling channel) ----------------------------------------------------

# The reason on a case's original grading, written when it is first changed.
ORIGINAL_GRADING_REASON = "受理時之類別及處理方式"


def dispute_case_grading_change(case: DisputeCase, *, main_category: str, channel: str, user, reason: str = "",
                                on: date | None = None) -> DisputeGradingChange | None:
    """The one way a case's main category or channel changes: sets them on `case` and writes the grading log
    (DisputeGradingChange); the caller saves the case. Returns the new log row (None when nothing changed).

    Call it inside the caller's transaction, holding the case's row lock. `on` is the business date the new
    grading counts from in reports (default today, Asia/Taipei), never before the case's latest grading change.

    Design: filing writes no grading row (a filing costs nothing extra), since a case without rows is graded as
    it is now, from its filing on. So the first change of a case writes two rows: its original grading, dated
    its filing day, then the new one; from then on each change writes one. Cases from before the log existed
    have no rows and report exactly as before, with no backfill. A case being inserted (a paper case entered
    with its channel) takes the values without a row, for the same reason.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("dispute_case_grading_change needs the caller's transaction and row lock")
    errors = {}
    if main_category not in DisputeCategory.values:
        errors["main_category"] = _("請選擇主要爭議類別。")
    if channel and channel not in MediationChannel.values:
        errors["channel"] = _("請選擇處理方式。")
    if errors:
        raise ValidationError(errors)
    if (main_category, channel) == (case.main_category, case.channel):
        return None
    change = None
    if not case._state.adding:
        on = on or timezone.localdate()
        last = (DisputeGradingChange.objects.filter(case=case).order_by("-changed_on", "-changed_at", "-pk")
                .values_list("changed_on", flat=True).first())
        if last is None:
            DisputeGradingChange.objects.create(
                case=case, main_category=case.main_category, channel=case.channel, changed_on=case.filed_on,
                changed_by_id=case.created_by_id, reason=ORIGINAL_GRADING_REASON,
            )
            last = case.filed_on
        change = DisputeGradingChange.objects.create(
            case=case, main_category=main_category, channel=channel, changed_on=max(on, last), changed_by=user,
            reason=reason.strip(),
        )
    case.main_category, case.channel = main_category, channel
    # The main category is always among the case's categories (as at filing).
    if main_category not in case.categories:
        case.categories = sorted({*case.categories, main_category})
    return change


@transaction.atomic
def dispute_case_regrade(*, case: DisputeCase, main_category: str | None = None, channel: str | None = None, user,
                         reason: str = "", on: date | None = None) -> DisputeCase:
    """Change a case's main category and/or channel (None: keep it), logged from `on` (default today)."""
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    dispute_case_grading_change(
        case, main_category=case.main_category if main_category is None else main_category,
        channel=case.channel if channel is None else channel, user=user, reason=reason, on=on,
    )
    return _save_checked(case, user)


def reopening_record(*, case: DisputeCase, reason: str, previous_status: str, previous_concluded_on: date | None,
                     reopened_on: date | None = None, user=None) -> Reopening:
    """Keep the outcome being undone and why (the admin calls this too, inside its own transaction)."""
    return Reopening.objects.create(
        case=case, reason=reason.strip(), reopened_on=reopened_on or timezone.localdate(),
        previous_status=previous_status, previous_concluded_on=previous_concluded_on, created_by=user,
        updated_by=user,
    )


@transaction.atomic
def rights_fund_application_decide(*, application: RightsFundApplication, decision: str, decided_on: date,
                                   amount_granted: int = 0, user=None) -> RightsFundApplication:
    application = RightsFundApplication.objects.select_for_update().get(pk=application.pk)
    previous = application.decision
    application.decision, application.decided_on, application.amount_granted = decision, decided_on, amount_granted
    application.full_clean()
    application.updated_by = user
    application.save()
    rights_fund_decision_log(application=application, previous=previous, user=user)
    return application


def rights_fund_decision_log(*, application: RightsFundApplication, previous: str, user, reason: str = "") -> None:
    """Log the application's decision if it differs from `previous` (the caller holds the row lock and has
    saved it): dated its decided_on, or today when it goes back to pending."""
    if application.decision == previous:
        return
    on = application.decided_on if application.decision != FundDecision.PENDING else None
    on = on or timezone.localdate()
    last = latest_change_day(FundDecisionChange, application, field="application")
    FundDecisionChange.objects.create(
        application=application, from_state=previous, to_state=application.decision,
        changed_on=max(on, last) if last else on, changed_by=user, reason=reason,
    )


# --- State log backfill --------------------------------------------------------------------------

# The reason on every backfilled change: it was derived from the records when the state log was introduced.
BACKFILL_REASON = "依既有資料補登"


def dispute_state_log_backfill(*, apps, batch_size: int = 5000) -> int:
    """Write the state log of every case and fund application that has none, as their records imply (see
    dispute_state_replay; a decided application was decided on its decided_on). `apps` is the model registry:
    a migration's historical one, or django.apps.apps (the demo loader). Returns the rows written."""
    case_model = apps.get_model("disputes", "DisputeCase")
    change_model = apps.get_model("disputes", "DisputeStateChange")
    first_sessions = dict(
        apps.get_model("disputes", "MediationSession").objects.values("case")
        .annotate(first=Min("held_on")).values_list("case", "first").order_by()
    )
    reopenings: dict = {}
    for case_id, *reopening in (
        apps.get_model("disputes", "Reopening").objects.order_by("reopened_on", "created_at", "pk")
        .values_list("case", "previous_status", "previous_concluded_on", "reopened_on")
    ):
        reopenings.setdefault(case_id, []).append(reopening)
    now, batch, written = timezone.now(), [], 0
    cases = case_model.objects.filter(state_changes__isnull=True).values(
        "pk", "status", "filed_on", "assigned_on", "concluded_on").order_by("filed_on", "pk")
    for case in cases.iterator(chunk_size=2000):
        replayed = dispute_state_replay(
            status=case["status"], filed_on=case["filed_on"], assigned_on=case["assigned_on"],
            first_session_on=first_sessions.get(case["pk"]), concluded_on=case["concluded_on"],
            reopenings=reopenings.get(case["pk"], []),
        )
        batch += [change_model(case_id=case["pk"], from_state=from_state, to_state=to_state, changed_on=on,
                               changed_at=now, reason=BACKFILL_REASON) for from_state, to_state, on in replayed]
        if len(batch) >= batch_size:
            written += len(change_model.objects.bulk_create(batch))
            batch = []
    written += len(change_model.objects.bulk_create(batch))

    decision_model = apps.get_model("disputes", "FundDecisionChange")
    decided = (
        apps.get_model("disputes", "RightsFundApplication").objects
        .filter(decision_changes__isnull=True, decided_on__isnull=False).exclude(decision=FundDecision.PENDING)
        .values_list("pk", "decision", "decided_on")
    )
    written += len(decision_model.objects.bulk_create(
        [decision_model(application_id=pk, from_state=FundDecision.PENDING, to_state=decision, changed_on=on,
                        changed_at=now, reason=BACKFILL_REASON) for pk, decision, on in decided.iterator()],
        batch_size=batch_size,
    ))
    return written
