"""Writes of the disputes section: filing, mediation steps, outcomes, confirmations, fund decisions."""

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from smtplib import SMTPException

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from disputes.models import (
    ATTACHMENT_EXTENSIONS,
    OUTCOMES,
    Applicant,
    Attachment,
    CaseNumberSequence,
    ClaimItem,
    ConfirmationEmail,
    DisputeCase,
    DisputeStatus,
    FiledVia,
    MediationSession,
    PersonalDataView,
    Reopening,
    RightsFundApplication,
    outcome_errors,
)
from labor_portal.core.circuit import enqueue_unless_redis_down

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 12
EMAIL_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class FiledCase:
    case: DisputeCase
    access_code: str


# --- Case numbers and access codes ---------------------------------------------------------------


def case_number_next(*, filed_on: date) -> str:
    """109-D-000123: the year's next number. Call it inside the filing's transaction: the UPDATE locks the
    year's counter row until commit, so concurrent filings get consecutive numbers and a rolled-back filing
    gives its number back."""
    roc_year = filed_on.year - 1911
    table = connection.ops.quote_name(CaseNumberSequence._meta.db_table)
    with connection.cursor() as cursor:
        # One round trip: increment and read (PostgreSQL, and SQLite >= 3.35).
        cursor.execute(f"UPDATE {table} SET last_number = last_number + 1 WHERE roc_year = %s "  # noqa: S608
                       "RETURNING last_number", [roc_year])
        row = cursor.fetchone()
    if row is None:
        # The year's first case: create its counter (a concurrent first filing waits on the row, then updates).
        CaseNumberSequence.objects.get_or_create(roc_year=roc_year)
        return case_number_next(filed_on=filed_on)
    return f"{roc_year}-D-{row[0]:06d}"


def access_code_for_token(token: str) -> str:
    """The access code of the filing made with `token`.

    Derived rather than random so that a repeated submission (double click, reload) can show the same code
    again although only its hash is stored.
    """
    digest = hmac.new(settings.SECRET_KEY.encode(), f"disputes.access-code:{token}".encode(), hashlib.sha256).digest()
    letters = "".join(ACCESS_CODE_ALPHABET[b % len(ACCESS_CODE_ALPHABET)] for b in digest[:ACCESS_CODE_LENGTH])
    return "-".join(letters[i : i + 4] for i in range(0, ACCESS_CODE_LENGTH, 4))


def normalize_access_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def access_code_hash(code: str, salt: str | None = None) -> str:
    # A fast salted hash is enough: the code has ~59 random bits and tracking is rate-limited, whereas a
    # slow password hash would cost every filing half a second of CPU.
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{normalize_access_code(code)}".encode()).hexdigest()
    return f"sha256${salt}${digest}"


def access_code_matches(case: DisputeCase, code: str) -> bool:
    _algorithm, salt, _digest = case.access_code_hash.split("$", 2)
    return hmac.compare_digest(case.access_code_hash, access_code_hash(code, salt))


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
    stored: list[str] = []
    try:
        case = _dispute_case_create(
            applicants=applicants, respondent=respondent, main_category=main_category, categories=categories,
            claims=claims, account=account, files=files, token=token, filed_via=filed_via,
            filed_on=filed_on or timezone.localdate(), user=user, stored=stored,
        )
    except IntegrityError:
        _files_discard(stored)
        # The same form sent twice at once: the other request created the case.
        if existing := DisputeCase.objects.filter(submission_token=token).first():
            return FiledCase(existing, access_code_for_token(token))
        raise
    except BaseException:
        _files_discard(stored)
        raise
    return FiledCase(case, access_code_for_token(token))


def _files_discard(names: list[str]) -> None:
    """Files written by a filing whose transaction rolled back: nothing of it may stay behind."""
    for name in names:
        default_storage.delete(name)


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
        main_category=main_category,
        categories=sorted(set(categories) | {main_category}),
        account=account,
        **{f"respondent_{key}": value for key, value in respondent.items()},
        **stamp,
    )
    # The case number locks the year's counter until commit, so the case row comes last: its children are
    # inserted first (foreign keys are checked at commit) and the lock is held for two inserts only.
    attachments = [_attachment_write(case, upload, user) for upload in files]
    stored.extend(attachment.file.name for attachment in attachments)
    for person in applicants:
        Applicant.objects.create(case=case, **person, **stamp)
    for claim in claims:
        ClaimItem.objects.create(case=case, **claim, **stamp)
    for attachment in attachments:
        attachment.save(force_insert=True)
    recipients = sorted({person["email"] for person in applicants if person.get("email")})
    for recipient in recipients:
        _confirmation_email_queue(case, recipient)
    case.case_number = case_number_next(filed_on=filed_on)
    case.save(force_insert=True)
    return case


def attachment_content_type(fileobj) -> str | None:
    """The type a file's first bytes show (PDF, JPEG or PNG), or None: never its name or the browser's word."""
    position = fileobj.tell()
    head = fileobj.read(2048)
    fileobj.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind is not None and kind.mime in ATTACHMENT_EXTENSIONS else None


def _attachment_write(case: DisputeCase, upload, user) -> Attachment:
    """The attachment's file, written to private storage under the detected type's extension; its row is saved
    by the caller. The uploaded name is kept as text only."""
    content_type = getattr(upload, "checked_content_type", None) or attachment_content_type(upload)
    if content_type is None:
        raise ValidationError(_("「%(name)s」不是 PDF、JPEG 或 PNG 檔案。") % {"name": upload.name})
    attachment = Attachment(
        case=case,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        created_by=user,
        updated_by=user,
    )
    # The name given here is ignored by attachment_path, which names the file by its detected type.
    attachment.file.save(f"attachment.{ATTACHMENT_EXTENSIONS[content_type]}", upload, save=False)
    return attachment


def _confirmation_email_queue(case: DisputeCase, recipient: str) -> None:
    """Write the e-mail to the outbox in the filing's transaction; hand it to Celery only after commit."""
    email = ConfirmationEmail.objects.create(case=case, recipient=recipient, language=get_language())
    transaction.on_commit(lambda: _enqueue_confirmation(email.pk), robust=True)


def _enqueue_confirmation(email_id: int) -> None:
    from disputes.tasks import send_confirmation_email

    # Not queued (Redis down): the outbox row stays pending and the periodic flush sends it.
    enqueue_unless_redis_down(send_confirmation_email, email_id)


# --- Citizen actions after filing ----------------------------------------------------------------


@transaction.atomic
def dispute_case_add_documents(*, case: DisputeCase, files, user=None) -> list[Attachment]:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if case.attachments.count() + len(files) > MAX_ATTACHMENTS:
        raise ValidationError(_("每案附件最多 %(max)s 個。") % {"max": MAX_ATTACHMENTS})
    attachments = [_attachment_write(case, upload, user) for upload in files]
    for attachment in attachments:
        attachment.save(force_insert=True)
    return attachments


@transaction.atomic
def dispute_case_withdraw(*, case: DisputeCase, withdrawn_on: date | None = None, user=None) -> DisputeCase:
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    if case.is_concluded:
        raise ValidationError(_("案件已結案，無法撤回。"))
    case.status = DisputeStatus.WITHDRAWN
    case.concluded_on = withdrawn_on or timezone.localdate()
    return _save_checked(case, user)


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
    case.channel, case.mediation_body = channel, mediation_body
    case.assigned_on = assigned_on or timezone.localdate()
    if case.status == DisputeStatus.RECEIVED:
        case.status = DisputeStatus.ASSIGNED
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
        case.status = DisputeStatus.SCHEDULED
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
    case.status, case.concluded_on = outcome, concluded_on
    case.settled_amount = settled_amount if outcome == DisputeStatus.SETTLED else None
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
    case.status = DisputeStatus.SCHEDULED if case.sessions.exists() else (
        DisputeStatus.ASSIGNED if case.channel else DisputeStatus.RECEIVED
    )
    case.concluded_on, case.settled_amount = None, None
    _save_checked(case, user)
    return reopening


def reopening_record(*, case: DisputeCase, reason: str, previous_status: str, previous_concluded_on: date | None,
                     reopened_on: date | None = None, user=None) -> Reopening:
    """Keep the outcome being undone and why (the admin calls this too, inside its own transaction)."""
    return Reopening.objects.create(
        case=case, reason=reason.strip(), reopened_on=reopened_on or timezone.localdate(),
        previous_status=previous_status, previous_concluded_on=previous_concluded_on, created_by=user,
        updated_by=user,
    )


def personal_data_view_record(*, viewer, case: DisputeCase | None = None,
                               fund_application: RightsFundApplication | None = None,
                               ip_address: str | None = None, page: str = "") -> PersonalDataView:
    return PersonalDataView.objects.create(
        case=case, fund_application=fund_application, viewer=viewer, ip_address=ip_address, page=page
    )


@transaction.atomic
def rights_fund_application_decide(*, application: RightsFundApplication, decision: str, decided_on: date,
                                   amount_granted: int = 0, user=None) -> RightsFundApplication:
    application.decision, application.decided_on, application.amount_granted = decision, decided_on, amount_granted
    application.full_clean()
    application.updated_by = user
    application.save()
    return application


# --- Confirmation e-mails (outbox) ---------------------------------------------------------------


def confirmation_email_send(*, email_id: int) -> bool:
    """Send one outbox e-mail unless it was sent or another sender holds it. True when this call sent it.

    Not one transaction on purpose: the claim must be committed before the (slow, external) sending so that a
    concurrent sender sees it.
    """
    now = timezone.now()
    claimed = (
        ConfirmationEmail.objects.filter(pk=email_id, sent_at=None)
        .filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        .update(claimed_until=now + EMAIL_LEASE, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    email = ConfirmationEmail.objects.select_related("case").get(pk=email_id)
    with translation.override(email.language):
        subject = _("勞資爭議調解申請已受理：%(number)s") % {"number": email.case.case_number}
        body = render_to_string("disputes/email/confirmation.txt", {"case": email.case})
    try:
        send_mail(subject, body, None, [email.recipient])
    except (SMTPException, OSError) as exc:
        ConfirmationEmail.objects.filter(pk=email_id).update(claimed_until=None, last_error=str(exc)[:1000])
        logger.warning("confirmation e-mail %s not sent: %s", email_id, exc)
        return False
    ConfirmationEmail.objects.filter(pk=email_id).update(sent_at=timezone.now(), claimed_until=None, last_error="")
    return True


def confirmation_emails_send_pending(*, limit: int = 500) -> int:
    """Send what the outbox still holds (run by beat and by `manage.py send_dispute_confirmations`)."""
    now = timezone.now()
    pending = (
        ConfirmationEmail.objects.filter(sent_at=None)
        .filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(confirmation_email_send(email_id=pk) for pk in list(pending))
