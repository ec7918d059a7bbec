from django import forms
from django.utils.translation import gettext_lazy as _

from inspections.models import Law


class RegisterSearchForm(forms.Form):
    """The public register's search: every field optional, every label visible."""

    q = forms.CharField(label=_("事業單位名稱或統一編號"), max_length=100, required=False)
    law = forms.ChoiceField(label=_("法規"), choices=[("", _("全部法規")), *Law.choices], required=False)
    article = forms.IntegerField(label=_("條次"), min_value=1, max_value=999, required=False,
                                 help_text=_("只填條號數字，例如 24。"))
    date_from = forms.DateField(label=_("處分日期起"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("處分日期迄"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("處分日期起不得晚於處分日期迄。"))
        return data

    def filter(self, entries):
        """Narrow the register's entries by the valid fields (an invalid form filters nothing more)."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("law"):
            entries = entries.filter(law=data["law"])
        if data.get("article"):
            entries = entries.filter(article=data["article"])
        if data.get("date_from"):
            entries = entries.filter(decided_on__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(decided_on__lte=data["date_to"])
        return entries
