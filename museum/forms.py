"""The citizen's group-visit booking forms. Validation only; the writes are in museum.services."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.forms import AccessibleErrorsMixin, CitizenFilingForm
from museum.models import Accessibility, VisitorGroupKind

MAX_GROUP = 200


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        day = formats.date_format(slot.day, "DATE_FORMAT")
        left = max(slot.capacity - slot.taken, 0)
        if left:
            return _("%(day)s %(time)s（尚餘 %(left)s 名）") % {"day": day, "time": f"{slot.starts_at:%H:%M}", "left": left}
        return _("%(day)s %(time)s（額滿，可候補）") % {"day": day, "time": f"{slot.starts_at:%H:%M}"}


class VisitBookingForm(AccessibleErrorsMixin, CitizenFilingForm):
    slot = SlotChoiceField(label=_("導覽時段"), queryset=None, empty_label=_("請選擇日期與時段"),
                           help_text=_("週一及國定休館日不開放；請於參觀日 3 天前預約。"))
    group_kind = forms.ChoiceField(label=_("團體類別"), choices=VisitorGroupKind.choices)
    group_name = forms.CharField(label=_("學校或團體名稱"), max_length=200,
                                 help_text=_("學校請寫校名與班級，例如 高雄市立示範國中 八年三班"))
    group_size = forms.IntegerField(label=_("人數（含帶隊老師）"), min_value=1, max_value=MAX_GROUP)
    contact_name = forms.CharField(label=_("聯絡人"), max_length=100)
    email = forms.EmailField(label=_("電子郵件"), help_text=_("預約確認、候補遞補及變更通知會寄到這裡。"))
    phone = forms.CharField(label=_("聯絡電話"), max_length=30)
    accessibility = forms.MultipleChoiceField(label=_("無障礙需求"), choices=Accessibility.choices, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    accessibility_note = forms.CharField(label=_("其他需求說明（選填）"), max_length=500, required=False,
                                         widget=forms.Textarea(attrs={"rows": 3}))
    waitlist_ok = forms.BooleanField(label=_("名額不足時，登記候補（有人取消時依序遞補並寄信通知）"), required=False)
    consent = forms.BooleanField(
        label=_("我已閱讀並同意個人資料蒐集、處理及利用告知事項。"),
        error_messages={"required": _("請勾選同意個人資料告知事項，才能送出預約。")},
    )

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots


class CancelForm(AccessibleErrorsMixin, forms.Form):
    confirm = forms.BooleanField(label=_("我確定要取消這個預約。"),
                                 error_messages={"required": _("請勾選確認後再取消。")})


class ChangeForm(AccessibleErrorsMixin, forms.Form):
    slot = SlotChoiceField(label=_("新的導覽時段"), queryset=None)
    group_size = forms.IntegerField(label=_("人數（含帶隊老師）"), min_value=1, max_value=MAX_GROUP)

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
