"""All-or-nothing bulk import of a section's records from an .xlsx file, one ModelForm per row.

Every row is validated exactly as the admin form would validate it; if any row is wrong, nothing is saved
and each bad row is named by its spreadsheet row number and the reason.
"""

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from zipfile import BadZipFile

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

MAX_ROWS = 20_000


@dataclass
class ImportResult:
    created: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class SpreadsheetImport:
    """Subclass with a ModelForm and the columns: [(header as printed in the template, form field)]."""

    form_class: type[forms.ModelForm]
    columns: list[tuple[str, str]]
    example: list = []

    @property
    def headers(self) -> list[str]:
        return [header for header, _field in self.columns]

    def template(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(self.form_class._meta.model._meta.verbose_name)
        sheet.append(self.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        if self.example:
            sheet.append(self.example)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 22
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def run(self, upload, *, user) -> ImportResult:
        result = ImportResult()
        try:
            rows = self._read_rows(upload)
        except ValueError as exc:
            result.errors.append(str(exc))
            return result
        bound = [(number, self.form_class(data=self._to_form_data(values))) for number, values in rows]
        for number, form in bound:
            for field_name, messages in form.errors.items():
                label = self._header_for(field_name)
                for message in messages:
                    result.errors.append(_("第 %(row)s 列「%(column)s」：%(message)s") % {
                        "row": number, "column": label, "message": message})
        if result.errors:
            return result
        with transaction.atomic():
            for number, form in bound:
                try:
                    with transaction.atomic():
                        instance = form.save(commit=False)
                        instance.created_by = instance.updated_by = user
                        instance.save()
                        form.save_m2m()
                except IntegrityError:
                    result.errors.append(
                        _("第 %(row)s 列：與已有資料或檔案中前面的列重複。") % {"row": number})
            if result.errors:
                transaction.set_rollback(True)
                return result
        result.created = len(bound)
        return result

    def _header_for(self, field_name: str) -> str:
        if field_name == "__all__":
            return _("整列")
        return next((header for header, name in self.columns if name == field_name), field_name)

    def _read_rows(self, upload) -> list[tuple[int, list]]:
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError):
            raise ValueError(_("無法讀取檔案，請使用本頁提供的 Excel (.xlsx) 範本。")) from None
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = [str(value).strip() if value is not None else "" for value in next(iterator, ())]
        if header[: len(self.headers)] != self.headers:
            raise ValueError(
                _("第 1 列的欄位名稱與範本不符，應為：%(headers)s") % {"headers": "、".join(self.headers)})
        rows = []
        for number, values in enumerate(iterator, start=2):
            values = list(values[: len(self.columns)])
            if all(value is None or str(value).strip() == "" for value in values):
                continue
            rows.append((number, values))
            if len(rows) > MAX_ROWS:
                raise ValueError(_("一次最多匯入 %(max)s 列，請分批匯入。") % {"max": MAX_ROWS})
        if not rows:
            raise ValueError(_("檔案中沒有資料列。"))
        return rows

    def _to_form_data(self, values: list) -> dict:
        data = {}
        for (_header, name), value in zip(self.columns, values + [None] * len(self.columns), strict=False):
            data[name] = self._cell_to_form_value(name, value)
        return data

    def _cell_to_form_value(self, name: str, value):
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        form_field = self.form_class.base_fields.get(name)
        choices = getattr(form_field, "choices", None)
        if choices and not isinstance(form_field, forms.ModelChoiceField):
            # Staff type the label they read (企業工會); the form wants the stored value.
            by_label = {str(label): key for key, label in choices}
            text = by_label.get(text, text)
        return text
