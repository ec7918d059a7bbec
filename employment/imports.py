"""Excel import of the records clerks enter in bulk: anti-discrimination seminars and scam consultations.

Neither has a natural key: every row of a file is a new record. Dates may be typed in 民國 (109/06/30); the
channel and topic columns get drop-downs of their labels (labor_portal.core.imports).
"""

from django import forms

from employment.models import AntiDiscriminationSeminar, ScamConsultation
from labor_portal.core.imports import SpreadsheetImport


def _label(name: str):
    return AntiDiscriminationSeminar._meta.get_field(name).verbose_name


class AntiDiscriminationSeminarImportForm(forms.ModelForm):
    # At least one session: the table's check constraint, which the import does not run row by row.
    sessions = forms.IntegerField(label=_label("sessions"), min_value=1, max_value=32767)
    # An empty cell: no establishment counted (the model's default).
    establishments = forms.IntegerField(label=_label("establishments"), min_value=0, required=False)

    class Meta:
        model = AntiDiscriminationSeminar
        fields = ["title", "held_on", "place", "sessions", "participants", "establishments"]

    def clean_establishments(self):
        value = self.cleaned_data.get("establishments")
        return 0 if value is None else value


class ScamConsultationImportForm(forms.ModelForm):
    class Meta:
        model = ScamConsultation
        fields = ["consulted_on", "channel", "topic", "notes"]


class AntiDiscriminationSeminarImport(SpreadsheetImport):
    form_class = AntiDiscriminationSeminarImportForm
    columns = [
        ("名稱", "title"),
        ("辦理日期", "held_on"),
        ("地點", "place"),
        ("場次", "sessions"),
        ("參加人次", "participants"),
        ("參加事業單位家數", "establishments"),
    ]
    example = ["防制就業歧視促進性別平等宣導會", "109/05/20", "高雄市勞工局第一會議室", 1, 80, 35]


class ScamConsultationImport(SpreadsheetImport):
    form_class = ScamConsultationImportForm
    columns = [("諮詢日期", "consulted_on"), ("諮詢方式", "channel"), ("諮詢主題", "topic"), ("摘要", "notes")]
    example = ["109/06/30", "電話", "收取費用或要求購買產品", "求職者詢問面試前須繳交制服費是否合法。"]
