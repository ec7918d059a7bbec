"""Excel import of injured workers' cases, of their contacts and of the rental housing units (staff bulk-enter
them from the programme's and the housing office's sheets). Cases and units have no natural key a sheet could
name: each row is new. A contact carries the programme's record number, so a re-upload updates it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from labor_portal.core.imports import SpreadsheetImport
from welfare.models import CaseContact, InjuredWorkerCase, RentalHousingUnit


class InjuredWorkerCaseImportForm(forms.ModelForm):
    class Meta:
        model = InjuredWorkerCase
        fields = ["worker_name", "personal_id", "phone", "injury", "needs", "opened_on", "closed_on"]


class CaseContactImportForm(forms.ModelForm):
    # The sheet names the case by the number the admin shows (職災個案 #12).
    case = forms.ModelChoiceField(queryset=InjuredWorkerCase.objects.all(), label=_("個案編號"))

    class Meta:
        model = CaseContact
        fields = ["reference", "case", "contacted_on", "kind", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The record number is the row's natural key: without it a re-upload could not find the row again.
        self.fields["reference"].required = True


class RentalHousingUnitImportForm(forms.ModelForm):
    class Meta:
        model = RentalHousingUnit
        fields = ["building", "unit_number", "address", "monthly_rent", "managed_from", "managed_until"]


class InjuredWorkerCaseImport(SpreadsheetImport):
    form_class = InjuredWorkerCaseImportForm
    columns = [
        ("勞工姓名", "worker_name"),
        ("身分證統一編號", "personal_id"),
        ("聯絡電話", "phone"),
        ("傷病情形", "injury"),
        ("需求評估", "needs"),
        ("開案日期", "opened_on"),
        ("結案日期", "closed_on"),
    ]


class CaseContactImport(SpreadsheetImport):
    form_class = CaseContactImportForm
    natural_key = "reference"
    columns = [
        ("服務紀錄編號", "reference"),
        ("個案編號", "case"),
        ("服務日期", "contacted_on"),
        ("服務類型", "kind"),
        ("紀錄", "note"),
    ]
    example = ["C109-000001", 1, "2020-03-02", "主動關懷", "電話關懷，已轉介職能復健。"]


class RentalHousingUnitImport(SpreadsheetImport):
    form_class = RentalHousingUnitImportForm
    columns = [
        ("社區", "building"),
        ("戶號", "unit_number"),
        ("地址", "address"),
        ("月租金（元）", "monthly_rent"),
        ("經管起日", "managed_from"),
        ("經管迄日", "managed_until"),
    ]
