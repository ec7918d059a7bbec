"""Excel import of establishments, labor-conditions inspections and violations.

Inspections and violations name their establishment by 統一編號, so a new employer is imported first.
Violations have no natural key (a decision number may be blank): every row is a new penalty.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from inspections.models import Establishment, LaborInspection, PenaltyStatusChange, Violation
from labor_portal.core.imports import BATCH_SIZE, SpreadsheetImport


def establishment_by_number() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Establishment.objects.all(),
        to_field_name="business_number",
        label=_("事業單位統一編號"),
        error_messages={"invalid_choice": _("查無此統一編號的事業單位，請先登錄事業單位。")},
    )


class EstablishmentImportForm(forms.ModelForm):
    class Meta:
        model = Establishment
        fields = ["name", "business_number", "responsible_person", "industry", "district", "employees"]


class LaborInspectionImportForm(forms.ModelForm):
    establishment = establishment_by_number()

    class Meta:
        model = LaborInspection
        fields = ["establishment", "inspected_on", "kind", "inspector", "findings"]


class ViolationImportForm(forms.ModelForm):
    establishment = establishment_by_number()

    class Meta:
        model = Violation
        fields = ["establishment", "law", "article", "decision_number", "decided_on", "fine_imposed",
                  "fine_after_appeal", "status"]


class EstablishmentImport(SpreadsheetImport):
    form_class = EstablishmentImportForm
    # A re-upload updates the establishment registered under the same 統一編號.
    natural_key = "business_number"
    columns = [
        ("事業單位名稱", "name"),
        ("統一編號", "business_number"),
        ("負責人", "responsible_person"),
        ("行業別", "industry"),
        ("行政區", "district"),
        ("僱用勞工人數", "employees"),
    ]
    example = ["港都示範鋼鐵股份有限公司", "04595257", "林大鋼", "C 製造業", "小港區", 120]


class LaborInspectionImport(SpreadsheetImport):
    form_class = LaborInspectionImportForm
    columns = [
        ("事業單位統一編號", "establishment"),
        ("檢查日期", "inspected_on"),
        ("檢查類別", "kind"),
        ("檢查員", "inspector"),
        ("檢查結果", "findings"),
    ]
    example = ["04595257", "2020-03-12", "專案檢查", "王檢查員", "延長工時未依法給付工資"]


class ViolationImport(SpreadsheetImport):
    form_class = ViolationImportForm
    columns = [
        ("事業單位統一編號", "establishment"),
        ("法規", "law"),
        ("條次", "article"),
        ("處分字號", "decision_number"),
        ("處分日期", "decided_on"),
        ("原處分罰鍰(元)", "fine_imposed"),
        ("訴願後罰鍰(元)", "fine_after_appeal"),
        ("處分狀態", "status"),
    ]
    example = ["04595257", "勞動基準法", 24, "高市勞條字第10900001號", "109/04/20", 20000, None, "確定"]

    def after_create(self, instances, *, user):
        # Every new penalty's status log starts in the import's transaction, as violation_status_log_start starts
        # one penalty's (its status as entered, on its decision date), written in batches rather than row by row.
        PenaltyStatusChange.objects.bulk_create(
            [PenaltyStatusChange(violation=violation, from_state="", to_state=violation.status,
                                 changed_on=violation.decided_on, changed_by=user) for violation in instances],
            batch_size=BATCH_SIZE,
        )
