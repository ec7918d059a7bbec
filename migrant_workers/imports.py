"""Excel import of inspection visits and status notifications (both arrive in bulk from the central systems).

A re-upload updates the record with the same reference number. A notification's deadline and late flag are
computed for the whole file at once (migrant_workers.deadlines), as save() would one by one.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.core.imports import SpreadsheetImport
from migrant_workers.deadlines import notification_deadlines
from migrant_workers.models import InspectionVisit, StatusNotification


class InspectionVisitImportForm(forms.ModelForm):
    class Meta:
        model = InspectionVisit
        fields = ["reference", "visited_on", "category", "reason", "employer_name", "workers_seen", "finding", "notes"]


class StatusNotificationImportForm(forms.ModelForm):
    class Meta:
        model = StatusNotification
        fields = ["reference", "kind", "event_on", "filed_on", "processed_on", "employer_name", "worker_name",
                  "passport_number", "nationality"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("event_on") and cleaned.get("filed_on") and cleaned["filed_on"] < cleaned["event_on"]:
            self.add_error("filed_on", _("通報日期不得早於事實發生日。"))
        return cleaned


class InspectionVisitImport(SpreadsheetImport):
    form_class = InspectionVisitImportForm
    natural_key = "reference"
    columns = [
        ("查察編號", "reference"), ("查察日期", "visited_on"), ("外國人類別", "category"), ("查察事由", "reason"),
        ("雇主名稱", "employer_name"), ("訪查外國人數", "workers_seen"), ("查察結果", "finding"), ("查察紀要", "notes"),
    ]
    example = ["V109-000001", "2020-03-02", "藍領外籍勞工", "入國通報(訪查)", "示範工業股份有限公司", 2, "符合規定", ""]


class StatusNotificationImport(SpreadsheetImport):
    form_class = StatusNotificationImportForm
    natural_key = "reference"
    columns = [
        ("通報編號", "reference"), ("通報類別", "kind"), ("事實發生日", "event_on"), ("通報日期", "filed_on"),
        ("處理日期", "processed_on"), ("雇主名稱", "employer_name"), ("外國人姓名", "worker_name"),
        ("護照號碼", "passport_number"), ("國籍", "nationality"),
    ]
    example = ["N109-000001", "逃逸報備", "2020-03-04", "2020-03-09", "2020-03-09", "示範工業股份有限公司",
               "NGUYEN VAN A", "C1234567", "越南"]

    def _write(self, validated, *, user, result):
        instances = [row.form.instance for row in validated]
        deadlines = notification_deadlines([instance.event_on for instance in instances])
        for row in validated:
            instance = row.form.instance
            deadline = deadlines[instance.event_on]
            late = instance.filed_on is not None and instance.filed_on > deadline
            if (instance.deadline_on, instance.filed_late) != (deadline, late) and not row.is_new:
                row.changed |= {"deadline_on", "filed_late"}
            instance.deadline_on, instance.filed_late = deadline, late
        return super()._write(validated, user=user, result=result)
