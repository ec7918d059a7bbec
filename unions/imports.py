"""Excel import of unions and their statutory meetings (a meeting names its union by registration number).

Meetings and education events have no natural key: every row of their files is a new record.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.core.imports import SpreadsheetImport
from unions.models import EducationEvent, StatutoryMeeting, Union


class UnionByRegistrationNumber(forms.ModelChoiceField):
    """A union named in a spreadsheet by its registration number."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Union.objects.all(),
            to_field_name="registration_number",
            label=_("工會登記證書字號"),
            error_messages={"invalid_choice": _("查無此登記證書字號的工會。")},
            **kwargs,
        )


class UnionImportForm(forms.ModelForm):
    class Meta:
        model = Union
        fields = ["name", "union_type", "registration_number", "district", "founded_on", "dissolved_on", "members"]


class StatutoryMeetingImportForm(forms.ModelForm):
    union = UnionByRegistrationNumber()

    class Meta:
        model = StatutoryMeeting
        fields = ["union", "kind", "held_on"]


class EducationEventImportForm(forms.ModelForm):
    union = UnionByRegistrationNumber()

    class Meta:
        model = EducationEvent
        fields = ["union", "title", "held_on", "subsidy_amount"]


class UnionImport(SpreadsheetImport):
    form_class = UnionImportForm
    # A re-upload updates the union registered under the same certificate number.
    natural_key = "registration_number"
    columns = [
        ("工會名稱", "name"),
        ("工會類型", "union_type"),
        ("登記證書字號", "registration_number"),
        ("會址行政區", "district"),
        ("成立日期", "founded_on"),
        ("解散日期", "dissolved_on"),
        ("會員人數", "members"),
    ]
    example = ["高雄市示範職業工會", "職業工會", "高市勞組字第00001號", "苓雅區", "2020-03-01", None, 120]


class StatutoryMeetingImport(SpreadsheetImport):
    form_class = StatutoryMeetingImportForm
    columns = [("工會登記證書字號", "union"), ("會議類別", "kind"), ("開會日期", "held_on")]
    example = ["高市勞組字第00001號", "理事會", "2020-05-20"]


class EducationEventImport(SpreadsheetImport):
    form_class = EducationEventImportForm
    columns = [("工會登記證書字號", "union"), ("活動名稱", "title"), ("辦理日期", "held_on"), ("補助金額(元)", "subsidy_amount")]
    example = ["高市勞組字第00001號", "勞動基準法研習", "2020-04-18", 80000]
