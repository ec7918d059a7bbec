"""The worker's complaint form. Validation only; the write is services.complaint_file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.forms import AccessibleErrorsMixin, CitizenFilingForm, FormFieldConstraintsOnlyMixin
from migrant_workers.models import MigrantComplaint

COMPLAINT_FIELDS = ["topic", "urgent", "worker_name", "nationality", "passport_number", "phone", "email",
                    "employer_name", "workplace_address", "account"]


class ComplaintForm(AccessibleErrorsMixin, FormFieldConstraintsOnlyMixin, CitizenFilingForm, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("我同意勞工局為處理本案使用我填寫的資料。"),
        error_messages={"required": _("請勾選同意，才能送出。")},
    )

    class Meta:
        model = MigrantComplaint
        fields = COMPLAINT_FIELDS
        labels = {
            "topic": _("您需要什麼協助？"),
            "urgent": _("緊急：我現在有危險或沒有地方住"),
            "worker_name": _("姓名"),
            "nationality": _("國籍"),
            "passport_number": _("護照號碼或居留證號碼"),
            "phone": _("聯絡電話"),
            "email": _("電子郵件"),
            "employer_name": _("雇主或仲介名稱"),
            "workplace_address": _("工作或居住地址"),
            "account": _("請說明發生什麼事"),
        }
        help_texts = {
            "urgent": _("勾選後，本局會優先處理並與您聯絡；有立即危險請撥 110，或撥 1955 專線。"),
            "email": _("處理進度會用您選擇的語言寄到這裡；未填寫則不寄送通知。"),
            "passport_number": _("選填。"),
        }
        error_messages = {
            "topic": {"required": _("請選擇需要的協助。")},
            "worker_name": {"required": _("請填寫姓名。")},
            "nationality": {"required": _("請選擇國籍。")},
            "phone": {"required": _("請填寫聯絡電話。")},
            "email": {"invalid": _("請填寫正確的電子郵件。")},
            "account": {"required": _("請說明發生什麼事。")},
        }
        widgets = {"account": forms.Textarea(attrs={"rows": 6}), "topic": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [choice for choice in self.fields["topic"].choices if choice[0]]
        self.fields["nationality"].choices = [("", "---------"),
                                              *[c for c in self.fields["nationality"].choices if c[0]]]
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["worker_name"].widget.attrs.update({"autocomplete": "name"})

    def complaint_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in COMPLAINT_FIELDS}
