"""The citizen's mediation application and case-page forms. Validation only; the writes are in services."""

from django import forms
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from disputes.models import (
    Applicant,
    ApplicantKind,
    ClaimItem,
    DisputeCase,
    DisputeCategory,
    MediationChannel,
)
from labor_portal.cases import documents
from labor_portal.cases.attachments import AttachmentsField
from labor_portal.cases.forms import AccessibleErrorsMixin, CitizenFilingForm, FormFieldConstraintsOnlyMixin
from labor_portal.core.validators import normalize_identifier

# Formsets never build more forms than this many per request, whatever TOTAL_FORMS says.
MAX_APPLICANTS = 10
MAX_CLAIMS = 20
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
# Likewise the channels, for the applicant's case page.
CHANNEL_LABELS = {
    MediationChannel.CIVIC_GROUP: _("民間團體調處"),
    MediationChannel.MEDIATOR: _("主管機關調解人"),
    MediationChannel.COMMITTEE: _("調解委員會"),
}


class ApplicationForm(AccessibleErrorsMixin, FormFieldConstraintsOnlyMixin, CitizenFilingForm, forms.ModelForm):
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

    def clean_respondent_business_number(self):
        # Full-width digits typed on a phone keyboard become the ASCII number the register knows.
        return normalize_identifier(self.cleaned_data["respondent_business_number"])


class ApplicantForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = Applicant
        fields = ["kind", "name", "personal_id", "birth_date", "phone", "email", "address"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"personal_id": _("例如 A123456789；外籍人士請填居留證號碼。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ApplicantKind.WORKER
        self.fields["birth_date"].widget.attrs.update({"min": "1900-01-01"})

    @property
    def summary_prefix(self) -> str:
        """Which applicant a message in the error summary is about (includes/form_errors.html)."""
        number = self.prefix.rsplit("-", 1)[-1]
        if number == "0":
            return pgettext("dispute applicant", "申請人")
        return pgettext("co-applicant number", "共同申請人 %(n)s") % {"n": int(number) + 1}

    def clean_personal_id(self):
        return normalize_identifier(self.cleaned_data["personal_id"])

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

    @property
    def summary_prefix(self) -> str:
        return gettext("請求事項 %(n)s") % {"n": int(self.prefix.rsplit("-", 1)[-1]) + 1}

    def clean_amount(self):
        return self.cleaned_data["amount"] or 0


class BoundedFormSet(forms.BaseFormSet):
    """A formset that refuses a TOTAL_FORMS above its maximum at once, without building those forms.

    formset_factory's default absolute_max is max_num + 1000, so `TOTAL_FORMS=100000` built 1010 forms before
    being refused with Django's generic message.
    """

    too_many_message = _("最多 %(num)s 筆。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {**self.error_messages, "too_many_forms": str(self.too_many_message)}


class ApplicantFormSetBase(BoundedFormSet):
    too_many_message = _("申請人最多 %(num)s 位。")


class ClaimFormSetBase(BoundedFormSet):
    too_many_message = _("請求事項最多 %(num)s 項。")


ApplicantFormSet = forms.formset_factory(
    ApplicantForm, formset=ApplicantFormSetBase, extra=2, min_num=1, validate_min=True, max_num=MAX_APPLICANTS,
    validate_max=True, absolute_max=MAX_APPLICANTS,
)
ClaimFormSet = forms.formset_factory(
    ClaimForm, formset=ClaimFormSetBase, extra=3, max_num=MAX_CLAIMS, validate_max=True, absolute_max=MAX_CLAIMS,
)


class WithdrawForm(documents.WithdrawForm):
    """The kit's withdrawal, confirmed in the section's word: a mediation is an application, not a complaint."""

    confirm_label = _("我確定要撤回這件調解申請。")
