"""Excel import of the job centre's events and training classes, which the stations keep in spreadsheets.

Events have no natural key: every row is a new event. A class is named by its code (班級代碼), so that the file
re-uploaded after the classes end, with their completion numbers filled in, updates them. Each row is checked
against its kind's rules (the model's clean(): the counts a kind must and must not have).
"""

from django import forms

from employment.models import ServiceEvent, TrainingClass
from labor_portal.core.imports import SpreadsheetImport


def _label(model, name: str):
    return model._meta.get_field(name).verbose_name


class ServiceEventImportForm(forms.ModelForm):
    # At least one session: the table's check constraint, which the import does not run row by row.
    sessions = forms.IntegerField(label=_label(ServiceEvent, "sessions"), min_value=1, max_value=32767)

    class Meta:
        model = ServiceEvent
        fields = ["kind", "programme", "title", "held_on", "place", "school", "activity", "sessions", "participants",
                  "employers", "openings", "resumes", "matched", "consultations", "referrals", "notes"]


class ServiceEventImport(SpreadsheetImport):
    form_class = ServiceEventImportForm
    columns = [
        ("活動類別", "kind"),
        ("所屬計畫", "programme"),
        ("活動名稱", "title"),
        ("辦理日期", "held_on"),
        ("地點", "place"),
        ("合作學校", "school"),
        ("活動型態", "activity"),
        ("場次（車次）", "sessions"),
        ("參加（服務）人數", "participants"),
        ("參加廠商家數", "employers"),
        ("就業機會數", "openings"),
        ("投遞履歷人次", "resumes"),
        ("初步媒合人數", "matched"),
        ("諮詢服務人次", "consultations"),
        ("求職推介人次", "referrals"),
        ("備註", "notes"),
    ]
    example = ["小型徵才活動", "", "前鎮站小型徵才活動", "109/06/30", "前鎮就業服務站", "", "", 1, "", 25, 480, 96, 44,
               "", "", ""]


class TrainingClassImportForm(forms.ModelForm):
    class Meta:
        model = TrainingClass
        fields = ["code", "scheme", "name", "provider", "starts_on", "ends_on", "hours", "enrolled", "completed"]


class TrainingClassImport(SpreadsheetImport):
    form_class = TrainingClassImportForm
    natural_key = "code"
    columns = [
        ("班級代碼", "code"),
        ("訓練類別", "scheme"),
        ("班別名稱", "name"),
        ("訓練單位", "provider"),
        ("開訓日期", "starts_on"),
        ("結訓日期", "ends_on"),
        ("訓練時數", "hours"),
        ("招（開）訓人數", "enrolled"),
        ("結訓人數", "completed"),
    ]
    example = ["1091-產訓-01", "產訓合作職前訓練班", "食品烘焙", "高雄市職業訓練協會", "109/03/02", "109/06/19", 85, 20, 19]
