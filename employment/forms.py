"""The citizen's complaint forms (discrimination, sexual harassment, job scam) and the case page's forms.

Validation only; the writes are in services. Each filing form lists its `fieldsets`, so that one template
(employment/complaint.html) renders all three.
"""

from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from employment.grounds import Ground
from employment.models import (
    ComplainantRole,
    DiscriminationComplaint,
    HarassmentComplaint,
    HarassmentRoute,
    ScamComplaint,
    UnlawfulRecruitmentAct,
)
from employment.models.rights import PAY_RANGE_THRESHOLD_RULE
from employment.timelimits import harassment_filing_deadline
from labor_portal.cases.attachments import AttachmentsField
from labor_portal.cases.forms import AccessibleErrorsMixin, CitizenFilingForm, FormFieldConstraintsOnlyMixin
from labor_portal.core.models import rule_on
from labor_portal.core.validators import normalize_identifier

COMPLAINANT_FIELDS = ["complainant_name", "complainant_personal_id", "complainant_phone", "complainant_email",
                      "complainant_address"]
EMPLOYER_FIELDS = ["employer_name", "employer_business_number", "employer_address", "employer_contact"]


def _date_input():
    return forms.DateInput(attrs={"type": "date", "min": "1900-01-01"}, format="%Y-%m-%d")


class ComplaintForm(AccessibleErrorsMixin, FormFieldConstraintsOnlyMixin, CitizenFilingForm, forms.ModelForm):
    """What the three complaint forms share: the complainant, the employer, the account, documents, consent."""

    attachments = AttachmentsField(
        label=_("附件"), help_text=_("PDF、JPEG 或 PNG，每個檔案 10 MB 以內，最多 5 個。")
    )
    consent = forms.BooleanField(
        label=_("我已閱讀並同意個人資料蒐集、處理及利用告知事項。"),
        error_messages={"required": _("請勾選同意個人資料告知事項，才能送出申訴。")},
    )
    date_fields: tuple[str, ...] = ()

    class Meta:
        widgets = {"account": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "employer_business_number": _("8 位數字；不知道可留空。"),
            "complainant_personal_id": _("選填；例如 A123456789，外籍人士請填居留證號碼。"),
            "complainant_email": _("處理進度會寄到這裡；未填寫則不寄送通知。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.date_fields:
            self.fields[name].widget = _date_input()
        self.fields["account"].widget.attrs.setdefault("rows", 6)

    @property
    def fieldsets(self):
        """(legend, [bound fields]) in the order the page shows them."""
        return [(legend, [self[name] for name in names]) for legend, names in self.sections()]

    def sections(self):
        raise NotImplementedError

    def clean_employer_business_number(self):
        return normalize_identifier(self.cleaned_data["employer_business_number"])

    def clean_complainant_personal_id(self):
        return normalize_identifier(self.cleaned_data["complainant_personal_id"])

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        for name in self.date_fields:
            if (day := cleaned.get(name)) and day > today:
                self.add_error(name, _("日期不得晚於今天。"))
        return cleaned

    def complaint_fields(self) -> dict:
        """The model's fields as the service takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class Checkboxes(forms.CheckboxSelectMultiple):
    """Each box as Django's checkbox_option.html renders it where the page places the labels itself
    ({{ box.tag }} in employment/complaint.html), but built here: a template render per box made the 24 boxes
    about 4 ms of the discrimination form's page, a sixth of its filing's CPU (tests/benchmarks/disputes_load.py)."""

    def _render(self, template_name, context, renderer=None):
        box = context.get("widget") or {}
        if template_name != self.option_template_name or box.get("wrap_label"):
            return super()._render(template_name, context, renderer)
        value = "" if box["value"] is None else format_html(' value="{}"', box["value"])
        # As django/forms/widgets/attrs.html: in their order, True as a bare name, False left out.
        attrs = format_html_join("", "{}", (
            (format_html(" {}", name) if setting is True else format_html(' {}="{}"', name, setting),)
            for name, setting in box["attrs"].items() if setting is not False
        ))
        return format_html('<input type="{}" name="{}"{}{}>', box["type"], box["name"], value, attrs)


class DiscriminationForm(ComplaintForm):
    grounds = forms.MultipleChoiceField(
        label=_("歧視事由（就業服務法第5條第1項）"), choices=Ground.choices, widget=Checkboxes,
        required=False, help_text=_("可複選。"),
    )
    other_acts = forms.MultipleChoiceField(
        label=_("其他違法情事（就業服務法第5條第2項）"), choices=UnlawfulRecruitmentAct.choices,
        widget=Checkboxes, required=False, help_text=_("可複選。"),
    )
    date_fields = ("incident_on", "incident_until")

    class Meta(ComplaintForm.Meta):
        model = DiscriminationComplaint
        fields = [*COMPLAINANT_FIELDS, *EMPLOYER_FIELDS, "grounds", "other_acts", "job_title", "offered_monthly_pay",
                  "incident_on", "incident_until", "account"]
        help_texts = {**ComplaintForm.Meta.help_texts,
                      "offered_monthly_pay": _("職缺未公開薪資範圍時請填寫（新臺幣元）。")}

    def sections(self):
        return [
            (_("申訴人"), COMPLAINANT_FIELDS),
            (_("被申訴之事業單位（雇主）"), EMPLOYER_FIELDS),
            (_("申訴事由"), ["grounds", "other_acts", "job_title", "offered_monthly_pay"]),
            (_("事實經過"), ["incident_on", "incident_until", "account"]),
            (_("附件"), ["attachments"]),
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("grounds") and not cleaned.get("other_acts"):
            self.add_error("grounds", _("請至少勾選一項歧視事由或第5條第2項情事。"))
        start, end = cleaned.get("incident_on"), cleaned.get("incident_until")
        if start and end and end < start:
            self.add_error("incident_until", _("結束日期不得早於發生日期。"))
        pay = cleaned.get("offered_monthly_pay")
        if UnlawfulRecruitmentAct.NO_PAY_RANGE in (cleaned.get("other_acts") or []) and pay is not None:
            try:
                threshold = int(rule_on(PAY_RANGE_THRESHOLD_RULE, timezone.localdate()))
            except LookupError:
                threshold = None
            if threshold is not None and pay >= threshold:
                self.add_error("offered_monthly_pay", _(
                    "經常性薪資達新臺幣 %(threshold)s 元以上的職缺，法律未要求揭示薪資範圍；請確認金額或改選其他情事。"
                ) % {"threshold": f"{threshold:,}"})
        return cleaned


class HarassmentForm(ComplaintForm):
    acknowledge_late = forms.BooleanField(
        label=_("我了解本件申訴似已逾法定期限，仍要提出申訴。"), required=False,
        help_text=_("逾期的申訴，本局仍會受理並審查是否有法定例外情形。"),
    )
    date_fields = ("complainant_birth_date", "act_ended_on", "learned_on", "left_job_on")
    # Filled in by clean(): the last day to file, for the page to say.
    deadline = None

    class Meta(ComplaintForm.Meta):
        model = HarassmentComplaint
        fields = [*COMPLAINANT_FIELDS, "complainant_role", "complainant_birth_date", *EMPLOYER_FIELDS, "route",
                  "respondent_name", "respondent_title", "respondent_is_top_manager", "respondent_abused_power",
                  "victim_was_minor", "act_ended_on", "learned_on", "left_job_on", "account"]
        help_texts = {
            **ComplaintForm.Meta.help_texts,
            "complainant_birth_date": _("行為發生時未成年者必填。"),
            "respondent_abused_power": _("例如主管利用對您的考核、升遷或工作分派之權力。"),
            "left_job_on": _("被申訴人為最高負責人或僱用人且您已離職時填寫。"),
            "act_ended_on": _("持續發生者，填最後一次發生的日期。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = HarassmentRoute.choices
        self.fields["complainant_role"].choices = ComplainantRole.choices

    def sections(self):
        return [
            (_("申訴人"), [*COMPLAINANT_FIELDS, "complainant_role", "complainant_birth_date"]),
            (_("事業單位（雇主）"), EMPLOYER_FIELDS),
            (_("被申訴人"), ["route", "respondent_name", "respondent_title", "respondent_is_top_manager",
                          "respondent_abused_power"]),
            (_("申訴期限"), ["act_ended_on", "learned_on", "victim_was_minor", "left_job_on"]),
            (_("事實經過"), ["account"]),
            (_("附件"), ["attachments"]),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("route") == HarassmentRoute.TOP_MANAGER:
            cleaned["respondent_is_top_manager"] = True
        if cleaned.get("victim_was_minor") and not cleaned.get("complainant_birth_date"):
            self.add_error("complainant_birth_date", _("行為發生時未成年者，請填寫出生日期以計算申訴期限。"))
        learned, ended = cleaned.get("learned_on"), cleaned.get("act_ended_on")
        if learned and ended and not self.errors:
            self.deadline = harassment_filing_deadline(
                filed_on=timezone.localdate(), learned_on=learned, act_ended_on=ended,
                abused_power=cleaned.get("respondent_abused_power", False),
                victim_was_minor=cleaned.get("victim_was_minor", False),
                birth_date=cleaned.get("complainant_birth_date"),
                respondent_is_top_manager=cleaned.get("respondent_is_top_manager", False),
                left_job_on=cleaned.get("left_job_on"),
            )
            if self.deadline.is_late(timezone.localdate()) and not cleaned.get("acknowledge_late"):
                self.add_error("acknowledge_late", _(
                    "依您填寫的日期，本件申訴似已逾申訴期限（最後一日為 %(day)s，依據：%(basis)s）。您仍可提出申訴，"
                    "本局會審查是否受理；請勾選此項後再送出。"
                ) % {"day": self.deadline.last_day.isoformat(), "basis": self.deadline.basis})
        return cleaned


class ScamForm(ComplaintForm):
    ad_url = forms.URLField(label=_("廣告網址"), max_length=500, required=False, assume_scheme="https")
    date_fields = ("incident_on",)

    class Meta(ComplaintForm.Meta):
        model = ScamComplaint
        fields = [*COMPLAINANT_FIELDS, *EMPLOYER_FIELDS, "ad_source", "ad_url", "ad_text", "incident_on",
                  "loss_amount", "account"]
        widgets = {**ComplaintForm.Meta.widgets, "ad_text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {**ComplaintForm.Meta.help_texts,
                      "ad_text": _("請貼上廣告全文；也可上傳截圖。"),
                      "loss_amount": _("新臺幣元；沒有損失可留空。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].label = _("廣告截圖或其他文件")

    def sections(self):
        return [
            (_("申訴人"), COMPLAINANT_FIELDS),
            (_("刊登廣告之業者"), EMPLOYER_FIELDS),
            (_("徵才廣告"), ["ad_source", "ad_url", "ad_text", "attachments"]),
            (_("事實經過"), ["incident_on", "loss_amount", "account"]),
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("ad_text") and not cleaned.get("ad_url") and not cleaned.get("attachments") \
                and "attachments" not in self.errors:
            self.add_error("ad_text", _("請貼上廣告內容、填寫網址或上傳截圖（至少一項）。"))
        return cleaned
