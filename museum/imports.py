"""Excel import of the front desk's daily visitor counts and of guided-visit slots (a term's slots at once)."""

from django import forms

from labor_portal.core.imports import SpreadsheetImport
from museum.models import VisitorCount, VisitSlot


class VisitorCountImportForm(forms.ModelForm):
    class Meta:
        model = VisitorCount
        fields = ["day", "kind", "visitors"]


class VisitSlotImportForm(forms.ModelForm):
    class Meta:
        model = VisitSlot
        fields = ["day", "starts_at", "capacity", "note"]


class VisitorCountImport(SpreadsheetImport):
    form_class = VisitorCountImportForm
    columns = [("日期", "day"), ("參觀類別", "kind"), ("人次", "visitors")]


class VisitSlotImport(SpreadsheetImport):
    form_class = VisitSlotImportForm
    columns = [("日期", "day"), ("開始時間", "starts_at"), ("名額（人）", "capacity"), ("說明", "note")]
