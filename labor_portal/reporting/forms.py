from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.core.periods import HalfYear, InvalidPeriod

PERIOD_CHOICES_YEARS = 10


def period_choices() -> list[tuple[str, str]]:
    return [(str(period), period.label_zh) for period in HalfYear.recent(PERIOD_CHOICES_YEARS * 2)]


class ReportRunForm(forms.Form):
    period = forms.ChoiceField(label=_("統計期間"), choices=period_choices)

    def clean_period(self) -> HalfYear:
        try:
            return HalfYear.parse(self.cleaned_data["period"])
        except InvalidPeriod as exc:
            raise forms.ValidationError(str(exc)) from None
