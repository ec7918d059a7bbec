"""Documents citizens send with a case: checked by content, stored under random names, served as what they are.

A section's attachment model subclasses `CaseAttachment` and adds its `case` foreign key (related_name
"attachments"); its files live under `<upload_folder>/<case id>/` (the app label unless it says otherwise).
"""

import logging
import uuid
from contextlib import contextmanager
from datetime import timedelta

import filetype
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

logger = logging.getLogger(__name__)

# The attachment types accepted, judged by content, and the extension each is stored and served with.
ATTACHMENT_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# A file no row refers to after this long belongs to a filing that never committed (see attachment_orphans_sweep);
# far longer than any filing's transaction.
ORPHAN_AGE = timedelta(hours=1)


def case_attachment_path(instance, filename: str) -> str:
    # A random name: the citizen's file name may carry personal data and is kept in the row only. The
    # extension is the detected type's, never the uploaded name's (a PDF named readme.hta is stored as .pdf).
    extension = ATTACHMENT_EXTENSIONS.get(instance.content_type, "bin")
    return f"{instance.upload_folder()}/{instance.case_id}/{uuid.uuid4().hex}.{extension}"


class CaseAttachment(models.Model):
    """A document a citizen sent; stored under MEDIA_ROOT, served only through permission-checked views."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(_("檔案"), upload_to=case_attachment_path, max_length=200)
    original_name = models.CharField(_("原始檔名"), max_length=200)
    content_type = models.CharField(_("檔案類型"), max_length=50)
    size = models.PositiveIntegerField(_("大小(位元組)"))

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @classmethod
    def upload_folder(cls) -> str:
        return cls._meta.app_label


def attachment_content_type(fileobj) -> str | None:
    """The type a file's first bytes show (PDF, JPEG or PNG), or None: never its name or the browser's word."""
    position = fileobj.tell()
    head = fileobj.read(2048)
    fileobj.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind is not None and kind.mime in ATTACHMENT_EXTENSIONS else None


# --- Form field ----------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS files, each a real PDF, JPEG or PNG of at most 10 MB."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        # Counted before any file is opened (the multipart parser has already stopped at
        # DATA_UPLOAD_MAX_NUMBER_FILES, so at worst a few more than allowed arrive here).
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("附件最多 %(max)s 個。"), params={"max": MAX_ATTACHMENTS})
        for upload in files:
            super().clean(upload, initial)
            check_attachment(upload)
        return files


def check_attachment(upload) -> None:
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise forms.ValidationError(
            _("「%(name)s」超過 10 MB，請縮小後再上傳。"), code="too_large", params={"name": upload.name}
        )
    content_type = attachment_content_type(upload)
    if content_type is None:
        raise forms.ValidationError(
            _("「%(name)s」不是 PDF、JPEG 或 PNG 檔案。"), code="wrong_type", params={"name": upload.name}
        )
    # Kept for the record: what the content is, whatever the browser claimed.
    upload.checked_content_type = content_type


# --- Writing -------------------------------------------------------------------------------------


def attachment_build(model: type[CaseAttachment], *, case, upload, **fields) -> CaseAttachment:
    """The attachment with its file written to private storage under the detected type's extension; the
    caller saves the row. Raises ValidationError for a file that is not a PDF, JPEG or PNG."""
    content_type = getattr(upload, "checked_content_type", None) or attachment_content_type(upload)
    if content_type is None:
        raise ValidationError(_("「%(name)s」不是 PDF、JPEG 或 PNG 檔案。") % {"name": upload.name})
    attachment = model(
        case=case, original_name=upload.name[:200], content_type=content_type, size=upload.size, **fields
    )
    # The name given here is ignored by case_attachment_path, which names the file by its detected type.
    attachment.file.save(f"attachment.{ATTACHMENT_EXTENSIONS[content_type]}", upload, save=False)
    return attachment


@contextmanager
def attachment_files_kept_only_on_success():
    """Collects the names of files written inside the block (append them to the list it yields) and deletes
    them if the block raises, so that a filing that rolled back leaves no file behind. A process killed
    outright runs no cleanup: attachment_orphans_sweep removes what it left."""
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


def _attachment_models() -> list[type[CaseAttachment]]:
    return [model for model in apps.get_models() if issubclass(model, CaseAttachment)]


def attachment_orphans_sweep(*, older_than: timedelta = ORPHAN_AGE) -> list[str]:
    """Delete files under each attachment model's folder that no row (nor its history) refers to and that are
    older than `older_than`; returns their names. Run by beat and by `manage.py sweep_case_attachments`."""
    cutoff = timezone.now() - older_than
    removed = []
    for model in _attachment_models():
        folder = model.upload_folder()
        if not default_storage.exists(folder):
            continue
        referencing = [model._default_manager]
        if history := getattr(model, "history", None):
            referencing.append(history.model._default_manager)
        for case_folder in default_storage.listdir(folder)[0]:
            names = [f"{folder}/{case_folder}/{name}" for name in default_storage.listdir(f"{folder}/{case_folder}")[1]]
            known = set()
            for manager in referencing:
                known |= set(manager.filter(file__in=names).values_list("file", flat=True))
            for name in names:
                if name not in known and default_storage.get_modified_time(name) < cutoff:
                    default_storage.delete(name)
                    removed.append(name)
    if removed:
        logger.warning("removed %d attachment files of filings that never committed", len(removed))
    return removed


# --- Serving -------------------------------------------------------------------------------------


def attachment_response(attachment: CaseAttachment) -> FileResponse:
    """The file as what its content is (附件-2.pdf, application/pdf), never under the name it was sent with.

    The type is read from the file itself, so files stored before names carried an extension, or rows whose
    type came from the browser, are served safely too; anything else is a plain download (.bin).
    """
    handle = attachment.file.open("rb")
    content_type = attachment_content_type(handle) or "application/octet-stream"
    extension = ATTACHMENT_EXTENSIONS.get(content_type, "bin")
    label = pgettext("download file name", "附件")
    filename = f"{label}-{_attachment_number(attachment)}.{extension}"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment_number(attachment: CaseAttachment) -> int:
    """1 for the case's first attachment, as the case page lists them (at most a handful per case)."""
    model = type(attachment)
    ids = list(model._default_manager.filter(case_id=attachment.case_id)
               .order_by(*model._meta.ordering, "pk").values_list("pk", flat=True))
    return ids.index(attachment.pk) + 1
