"""What a citizen does on the page of a case they track: send more documents, withdraw it.

The forms and the attaching are the same for every kind of case; a section's service locks its case, calls
case_documents_add (or changes the state to its own "withdrawn"), and its view says where to go next.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labor_portal.cases.attachments import (
    MAX_ATTACHMENTS,
    AttachmentsField,
    attachment_build,
    attachment_files_kept_only_on_success,
)
from labor_portal.cases.forms import AccessibleErrorsMixin


class AddDocumentsForm(AccessibleErrorsMixin, forms.Form):
    attachments = AttachmentsField(label=gettext_lazy("補充文件"), required=True,
                                   help_text=gettext_lazy("PDF、JPEG 或 PNG，每個檔案 10 MB 以內，每案合計最多 5 個。"),
                                   error_messages={"required": gettext_lazy("請選擇要上傳的檔案。")})


class WithdrawForm(AccessibleErrorsMixin, forms.Form):
    # What the citizen confirms, in the section's word for its case: a section whose case is not a complaint
    # (a mediation is an application) sets its own in a subclass.
    confirm_label = gettext_lazy("我確定要撤回這件申訴。")

    confirm = forms.BooleanField(error_messages={"required": gettext_lazy("請勾選確認後再撤回。")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = self.confirm_label


def case_documents_add(*, case, files, user=None) -> list:
    """Attach the citizen's files to `case` (its model has `attachments` to a CaseAttachment and `is_concluded`):
    all of them or, on any error, none and no file left behind; at most MAX_ATTACHMENTS a case, none once the
    case is concluded. Runs in the caller's transaction, which holds the case's row lock."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_documents_add needs the caller's transaction and row lock")
    if case.is_concluded:
        raise ValidationError(_("案件已結案，無法補充文件。"))
    if case.attachments.count() + len(files) > MAX_ATTACHMENTS:
        raise ValidationError(_("每案附件最多 %(max)s 個。") % {"max": MAX_ATTACHMENTS})
    model = type(case).attachments.rel.related_model
    with attachment_files_kept_only_on_success() as stored:
        attachments = []
        for upload in files:
            attachments.append(attachment_build(model, case=case, upload=upload, created_by=user, updated_by=user))
            stored.append(attachments[-1].file.name)
        for attachment in attachments:
            attachment.save(force_insert=True)
    return attachments
