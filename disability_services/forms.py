from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disability_services.quota import EmployerKind

MAX_STAFF = 1_000_000


class QuotaCalculatorForm(forms.Form):
    """An employer's headcount and employees with disabilities for one month: nothing is stored."""

    kind = forms.ChoiceField(label=_("單位類別"), choices=EmployerKind.choices)
    month = forms.DateField(
        label=_("計算月份"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("以該月1日參加勞保、公保人數計算；未填為本月。"),
    )
    headcount = forms.IntegerField(label=_("員工總人數"), min_value=0, max_value=MAX_STAFF)
    disabled = forms.IntegerField(label=_("身障全時員工（月薪達基本工資）"), min_value=0, max_value=MAX_STAFF, initial=0,
                                  help_text=_("含重度以上者；月薪未達基本工資者不計。"))
    severe = forms.IntegerField(label=_("其中重度以上"), min_value=0, max_value=MAX_STAFF, initial=0,
                                help_text=_("每人以二人計。"))
    part_timers = forms.IntegerField(label=_("身障部分工時員工（月薪達基本工資二分之一）"), min_value=0,
                                     max_value=MAX_STAFF, initial=0, help_text=_("含重度以上者；二人以一人計。"))
    severe_part_timers = forms.IntegerField(label=_("其中重度以上部分工時"), min_value=0, max_value=MAX_STAFF,
                                            initial=0)

    def clean_month(self):
        month = self.cleaned_data.get("month") or timezone.localdate()
        return month.replace(day=1)

    def clean(self):
        data = super().clean()
        if (data.get("severe") or 0) > (data.get("disabled") or 0):
            self.add_error("severe", ValidationError(_("重度以上人數不得多於身障全時員工人數。")))
        if (data.get("severe_part_timers") or 0) > (data.get("part_timers") or 0):
            self.add_error("severe_part_timers", ValidationError(_("重度以上部分工時人數不得多於身障部分工時員工人數。")))
        return data
