"""Excel import of injured workers' cases and of the rental housing units (staff bulk-enter them from the
programme's and the housing office's sheets). Neither has a natural key a sheet could name: each row is new."""

from django import forms

from labor_portal.core.imports import SpreadsheetImport
from welfare.models import InjuredWorkerCase, RentalHousingUnit


class InjuredWorkerCaseImportForm(forms.ModelForm):
    class Meta:
        model = InjuredWorkerCase
        fields = ["worker_name", "personal_id", "phone", "injury", "needs", "opened_on", "closed_on"]


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
