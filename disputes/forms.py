"""The citizen's mediation application and tracking forms. Validation only; the writes are in services."""

import re
import secrets

import filetype
from django import forms
from django.utils.translation import gettext_lazy as _

from disputes.models import Applicant, ApplicantKind, ClaimItem, DisputeCase, DisputeCategory
from disputes.services import MAX_ATTACHMENTS

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Judged by the file's first bytes, never by its name or the browser's word.
ALLOWED_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
# The category labels are the report's row labels (zh-Hant); the form shows them in the page's language.
CATEGORY_LABELS = {
    DisputeCategory.WAGES: _("工資爭議"),
    DisputeCategory.CONTRACT: _("契約爭議"),
    DisputeCategory.OCCUPATIONAL_INJURY: _("職災爭議"),
    DisputeCategory.RETIREMENT: _("退休爭議"),
    DisputeCategory.LABOR_INSURANCE: _("勞保爭議"),
    DisputeCategory.OTHER: _("其他爭議"),
}
CATEGORY_CHOICES = [(category.value, label) for category, label in CATEGORY_LABELS.items()]


class AccessibleErrorsMixin:
    """Marks invalid fields for screen readers and points them at their message (includes/field.html)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"


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
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise forms.ValidationError(
            _("「%(name)s」不是 PDF、JPEG 或 PNG 檔案。"), code="wrong_type", params={"name": upload.name}
        )
    # Kept for the record: what the content is, whatever the browser claimed.
    upload.checked_content_type = kind.mime


class ApplicationForm(AccessibleErrorsMixin, forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("涉及的爭議類別"), choices=CATEGORY_CHOICES, widget=forms.CheckboxSelectMultiple,
        help_text=_("可複選；主要爭議類別會自動列入。"), required=False,
    )
    attachments = AttachmentsField(
        label=_("附件"), help_text=_("PDF、JPEG 或 PNG，每個檔案 10 MB 以內，最多 5 個。")
    )
    consent = forms.BooleanField(
        label=_("我已閱讀並同意個人資料蒐集、處理及利用告知事項。"),
        error_messages={"required": _("請勾選同意個人資料告知事項，才能送出申請。")},
    )
    # Humans never see this field; software that fills in every field does.
    website = forms.CharField(required=False, label=_("網站（請勿填寫）"))
    submission_token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = DisputeCase
        fields = [
            "main_category", "categories", "account",
            "respondent_name", "respondent_business_number", "respondent_representative",
            "respondent_address", "respondent_phone",
        ]
        widgets = {"account": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"respondent_business_number": _("8 位數字；不知道可留空。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["main_category"].choices = [("", "---------"), *CATEGORY_CHOICES]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["submission_token"] = secrets.token_urlsafe(32)

    def clean_submission_token(self):
        token = self.cleaned_data["submission_token"]
        if not _TOKEN.match(token):
            raise forms.ValidationError(_("表單已失效，請重新整理頁面後再送出。"))
        return token

    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))


class ApplicantForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = Applicant
        fields = ["kind", "name", "personal_id", "birth_date", "phone", "email", "address"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"personal_id": _("例如 A123456789；外籍人士請填居留證號碼。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ApplicantKind.WORKER

    def clean_personal_id(self):
        return self.cleaned_data["personal_id"].strip().upper()

    def has_changed(self):
        # The preset kind alone does not make an extra applicant: only what the citizen typed does.
        return any(name != "kind" and name in self.changed_data for name in self.fields)


class ClaimForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = ClaimItem
        fields = ["item", "amount"]
        labels = {"amount": _("金額（新臺幣元）")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No preset amount: a blank extra row must stay unchanged so that the formset skips it.
        self.fields["amount"].required, self.fields["amount"].initial = False, None

    def clean_amount(self):
        return self.cleaned_data["amount"] or 0


ApplicantFormSet = forms.formset_factory(
    ApplicantForm, extra=2, min_num=1, validate_min=True, max_num=10, validate_max=True
)
ClaimFormSet = forms.formset_factory(ClaimForm, extra=3, max_num=20, validate_max=True)


class TrackForm(AccessibleErrorsMixin, forms.Form):
    case_number = forms.CharField(label=_("案件編號"), max_length=20, help_text=_("例如 109-D-000123"))
    access_code = forms.CharField(label=_("查詢碼"), max_length=20, help_text=_("申請完成時顯示的查詢碼"))


class AddDocumentsForm(AccessibleErrorsMixin, forms.Form):
    attachments = AttachmentsField(label=_("補充文件"), required=True,
                                   help_text=_("PDF、JPEG 或 PNG，每個檔案 10 MB 以內，每案合計最多 5 個。"))


class WithdrawForm(AccessibleErrorsMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("我確定要撤回這件調解申請。"),
        error_messages={"required": _("請勾選確認後再撤回。")},
    )
