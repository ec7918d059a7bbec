"""The citizen's Shijia Hall booking forms. Validation only; the writes are in welfare.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.forms import AccessibleErrorsMixin, CitizenFilingForm
from welfare.models import HallFacility, HallSlot


class FacilityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, facility):
        return _("%(name)s（%(kind)s，每時段 %(capacity)s 人，%(price)s 元）") % {
            "name": facility.name, "kind": facility.get_kind_display(), "capacity": facility.capacity,
            "price": f"{facility.price:,}"}


class HallBookingForm(AccessibleErrorsMixin, CitizenFilingForm):
    facility = FacilityChoiceField(label=_("場地或房間"), queryset=HallFacility.objects.filter(active=True),
                                   empty_label=_("請選擇"))
    use_on = forms.DateField(label=_("使用日期"), widget=forms.DateInput(attrs={"type": "date"}),
                             help_text=_("住宿請填入住日期。"))
    slot = forms.ChoiceField(label=_("時段"), choices=HallSlot.choices, help_text=_("住宿請選「住宿（當晚）」。"))
    people = forms.IntegerField(label=_("人數"), min_value=1, max_value=500)
    booker_name = forms.CharField(label=_("預約人"), max_length=100)
    organisation = forms.CharField(label=_("單位（選填）"), max_length=200, required=False)
    email = forms.EmailField(label=_("電子郵件"), help_text=_("預約確認、候補遞補通知會寄到這裡。"))
    phone = forms.CharField(label=_("聯絡電話"), max_length=30)
    waitlist_ok = forms.BooleanField(label=_("名額不足時，登記候補（有人取消時依序遞補並寄信通知）"), required=False)
    consent = forms.BooleanField(
        label=_("我已閱讀並同意個人資料蒐集、處理及利用告知事項。"),
        error_messages={"required": _("請勾選同意個人資料告知事項，才能送出預約。")},
    )


class HallCancelForm(AccessibleErrorsMixin, forms.Form):
    confirm = forms.BooleanField(label=_("我確定要取消這個預約。"),
                                 error_messages={"required": _("請勾選確認後再取消。")})


class HallChangeForm(AccessibleErrorsMixin, forms.Form):
    """A new day, slot or number of people for a booking; the rules and places are checked by the service."""

    use_on = forms.DateField(label=_("新的使用日期"), widget=forms.DateInput(attrs={"type": "date"}))
    slot = forms.ChoiceField(label=_("新的時段"))
    people = forms.IntegerField(label=_("人數"), min_value=1, max_value=500)

    def __init__(self, *args, slots=HallSlot.values, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [(slot, HallSlot(slot).label) for slot in slots]
