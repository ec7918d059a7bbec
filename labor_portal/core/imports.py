"""All-or-nothing bulk import of a section's records from an .xlsx file, one ModelForm per row.

Every row is validated first, exactly as the admin form would validate it (minus the per-row database
look-ups, which are done once per column for the whole file); if any row is wrong, nothing is saved and each
error names the spreadsheet row, the column and the expected format. Then the rows are written with
`bulk_create` / `bulk_update` in batches inside one transaction, with their change history.

An importer that declares a `natural_key` (a unique form field, e.g. a union's registration number) updates
the record already registered under that key instead of refusing it as a duplicate, and writes only the rows
whose values differ, so that a re-upload of the same file changes nothing and adds no history.
"""

import copy
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zipfile import BadZipFile

from django import forms
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

MAX_ROWS = 20_000
BATCH_SIZE = 500
# Values per `__in` look-up: well under SQLite's bound-parameter limit.
LOOKUP_CHUNK = 900

_SEPARATED = re.compile(r"^(?:民國)?\s*(\d{2,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$")
_CHINESE = re.compile(r"^(?:民國)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_ROC_DIGITS = re.compile(r"^(\d{3})(\d{2})(\d{2})$")
_AD_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_spreadsheet_date(value) -> date | None:
    """A date as clerks type it: an Excel date cell, ISO 2020-06-30 or 2020/06/30, or an ROC (民國) date
    109/06/30, 109-06-30, 109.06.30, 109年6月30日, 民國109年6月30日 or 1090630. A year of four digits is
    西元, of two or three digits 民國. Empty is None; anything else (including 109/02/30) raises ValueError."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text:
        return None
    match = _SEPARATED.match(text) or _CHINESE.match(text) or _ROC_DIGITS.match(text) or _AD_DIGITS.match(text)
    if not match:
        raise ValueError(text)
    year_text, month, day = match.groups()
    year = int(year_text)
    if len(year_text) < 4:
        year += 1911
    elif len(year_text) != 4:
        raise ValueError(text)
    return date(year, int(month), int(day))  # ValueError for 109/02/30


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    form: forms.ModelForm
    is_new: bool
    changed: set[str] = field(default_factory=set)


def _skip(*args, **kwargs):
    return None


class _SharedFields(dict):
    """A row form's fields, which every row's form uses as they are rather than deep-copying them (see
    `SpreadsheetImport._row_form_class`)."""

    def __deepcopy__(self, memo):
        return self


class SpreadsheetImport:
    """Subclass with a ModelForm and the columns: [(header as printed in the template, form field)].

    `natural_key`: the form field (unique on the model) by which a row names a record already registered;
    such a row updates that record. Without it every row is a new record.
    """

    form_class: type[forms.ModelForm]
    columns: list[tuple[str, str]]
    example: list = []
    natural_key: str | None = None

    @property
    def model(self):
        return self.form_class._meta.model

    @property
    def headers(self) -> list[str]:
        return [header for header, _field in self.columns]

    def after_create(self, instances: list, *, user) -> None:
        """Called in the import's transaction with the new records (primary keys set); what it writes for them
        (e.g. a state log's first entries) it writes in bulk too, so that the import's queries stay bounded."""

    # --- the template --------------------------------------------------------------------------------------

    def column_format(self, name: str) -> str:
        """What a cell of this column must hold, as the instructions sheet and the error messages say it."""
        form_field = self.form_class.base_fields[name]
        if isinstance(form_field, forms.ModelChoiceField):
            return _("已登錄的%(label)s") % {"label": form_field.label}
        if isinstance(form_field, forms.DateField):
            return _("日期：西元 2020-06-30，或民國 109/06/30、109-06-30、109年6月30日、1090630")
        if isinstance(form_field, forms.ChoiceField):
            return _("由下拉選單選擇：%(choices)s") % {"choices": "、".join(self._choice_labels(name))}
        if isinstance(form_field, forms.IntegerField):
            if form_field.min_value is not None and form_field.min_value >= 0:
                return _("%(min)s 以上的整數") % {"min": form_field.min_value}
            return _("整數")
        if getattr(form_field, "max_length", None):
            return _("文字，最多 %(max)s 字") % {"max": form_field.max_length}
        return _("文字")

    def _choice_labels(self, name: str) -> list[str]:
        form_field = self.form_class.base_fields[name]
        return [str(label) for key, label in form_field.choices if key not in ("", None)]

    def _is_choice_column(self, name: str) -> bool:
        form_field = self.form_class.base_fields[name]
        return isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, forms.ModelChoiceField)

    def template(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(self.model._meta.verbose_name)
        sheet.append(self.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        if self.example:
            sheet.append(self.example)
        for index in range(1, len(self.columns) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 22

        # Choice columns get a drop-down; the lists live on a hidden sheet because an inline list is capped
        # at 255 characters (the industries alone are longer).
        choices = workbook.create_sheet(_("選項"))
        choices.sheet_state = "hidden"
        list_column = 0
        for index, (header, name) in enumerate(self.columns, start=1):
            if not self._is_choice_column(name):
                continue
            list_column += 1
            labels = self._choice_labels(name)
            letter = get_column_letter(list_column)
            choices.cell(row=1, column=list_column, value=header)
            for offset, label in enumerate(labels, start=2):
                choices.cell(row=offset, column=list_column, value=label)
            validation = DataValidation(
                type="list", formula1=f"'{choices.title}'!${letter}$2:${letter}${len(labels) + 1}",
                allow_blank=not self.form_class.base_fields[name].required, showErrorMessage=True,
                errorTitle=header, error=_("請由下拉選單選擇。"),
            )
            column_letter = get_column_letter(index)
            validation.add(f"{column_letter}2:{column_letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(validation)

        instructions = workbook.create_sheet(_("填寫說明"))
        instructions.append([_("請在第一個工作表填寫，第 1 列的欄位名稱請勿修改；整個檔案全部正確才會匯入。")])
        if self.natural_key:
            key_header = self._header_for(self.natural_key)
            instructions.append([_("「%(key)s」已登錄者，該列會更新既有資料；值未變更的列不會寫入。")
                                 % {"key": key_header}])
        instructions.append([])
        instructions.append([_("欄位"), _("必填"), _("格式"), _("範例")])
        for cell in instructions[instructions.max_row]:
            cell.font = Font(bold=True)
        examples = list(self.example) + [None] * len(self.columns)
        for (header, name), example in zip(self.columns, examples, strict=False):
            required = _("必填") if self.form_class.base_fields[name].required else _("選填")
            instructions.append([header, required, self.column_format(name),
                                 "" if example is None else str(example)])
        for letter, width in zip("ABCD", (22, 8, 60, 28), strict=True):
            instructions.column_dimensions[letter].width = width

        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    # --- the import ----------------------------------------------------------------------------------------

    def run(self, upload, *, user, before_write=None) -> ImportResult:
        """`before_write`, when given, sees [(spreadsheet row, record)] of the records about to be written (new or
        changed) and returns the errors that refuse the file (reporting.corrections: published half-years)."""
        result = ImportResult()
        try:
            rows = self._read_rows(upload)
        except ValueError as exc:
            result.errors.append(str(exc))
            return result
        validated = self._validate(rows, result)
        if not result.errors and before_write is not None:
            result.errors.extend(before_write([(row.number, row.form.instance) for row in validated
                                               if row.is_new or row.changed]))
        if result.errors:
            return result
        self._write(validated, user=user, result=result)
        return result

    def _error(self, number: int, name: str, message) -> str:
        if name == "__all__":
            return _("第 %(row)s 列：%(message)s") % {"row": number, "message": message}
        return _("第 %(row)s 列「%(column)s」：%(message)s（格式：%(format)s）") % {
            "row": number, "column": self._header_for(name), "message": message, "format": self.column_format(name)}

    def _validate(self, rows: list[tuple[int, list]], result: ImportResult) -> list[_Row]:
        date_errors: set[tuple[int, str]] = set()
        data_rows = []
        for number, values in rows:
            data = self._to_form_data(values)
            for name in data:
                if isinstance(self.form_class.base_fields.get(name), forms.DateField):
                    raw = data[name]
                    try:
                        parsed = parse_spreadsheet_date(raw)
                    except ValueError:
                        date_errors.add((number, name))
                        result.errors.append(self._error(number, name, _("「%(value)s」不是有效的日期。") % {
                            "value": raw}))
                        parsed = None
                    data[name] = parsed.isoformat() if parsed else ""
            data_rows.append((number, data))

        references = self._prefetch_references(data_rows)
        row_form = self._row_form_class(references)
        existing = self._prefetch_existing(data_rows)
        validated = []
        for number, data in data_rows:
            key = data.get(self.natural_key) if self.natural_key else None
            current = existing.get(key) if key else None
            instance = current if current is not None else self.model()
            before = self._snapshot(instance)
            # Uniqueness and check constraints would cost a query per row here: uniqueness is checked once per
            # column below, the model's clean() repeats its check constraints, and the database enforces both.
            instance.validate_unique = _skip
            instance.validate_constraints = _skip
            # A foreign key's own validation would query its target once per row: the form field has already
            # found it in the file's prefetched references.
            instance.clean_fields = self._clean_fields_except(instance.clean_fields, set(references))
            form = row_form(data=data, instance=instance)
            if not form.is_valid():
                for name, messages in form.errors.items():
                    if (number, name) in date_errors:
                        continue
                    for message in messages:
                        result.errors.append(self._error(number, name, message))
                continue
            after = self._snapshot(instance)
            changed = {name for name in after if after[name] != before[name]}
            validated.append(_Row(number=number, form=form, is_new=current is None, changed=changed))
        self._check_unique(data_rows, existing, result)
        return validated

    def _row_form_class(self, references: dict[str, dict]) -> type[forms.ModelForm]:
        """The form class, with one set of fields for all the rows: a form deep-copies its fields when it is made
        (a third of a 5,000-row import's time), and checking a row does not change them. A reference column
        looks its value up in the file's prefetched records. An import form's own __init__ may still set its
        fields, the same way for every row (welfare's case contacts: the record number is required)."""
        fields = copy.deepcopy(self.form_class.base_fields)
        for name, cache in references.items():
            fields[name].to_python = self._cached_lookup(fields[name], cache)
        row_form = type(self.form_class.__name__, (self.form_class,), {"__module__": self.form_class.__module__})
        row_form.base_fields = _SharedFields(fields)
        return row_form

    def _snapshot(self, instance) -> dict:
        snapshot = {}
        for name in self.form_class._meta.fields:
            model_field = self.model._meta.get_field(name)
            snapshot[name] = getattr(instance, model_field.attname)
        return snapshot

    @staticmethod
    def _clean_fields_except(clean_fields, names: set[str]):
        def clean(exclude=None):
            return clean_fields(exclude=set(exclude or ()) | names)
        return clean

    @staticmethod
    def _cached_lookup(form_field, cache: dict):
        def to_python(value):
            if value in form_field.empty_values:
                return None
            try:
                return cache[str(value)]
            except KeyError:
                raise ValidationError(form_field.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": value}) from None
        return to_python

    def _prefetch_references(self, data_rows) -> dict[str, dict]:
        """Every record the file names in a reference column (a union by its registration number), one query
        per column and chunk instead of one per row."""
        references = {}
        for _header, name in self.columns:
            form_field = self.form_class.base_fields[name]
            if not isinstance(form_field, forms.ModelChoiceField):
                continue
            to_field = form_field.to_field_name or "pk"
            values = sorted({data[name] for _number, data in data_rows if data[name] != ""})
            cache = {}
            for start in range(0, len(values), LOOKUP_CHUNK):
                for obj in form_field.queryset.filter(**{f"{to_field}__in": values[start:start + LOOKUP_CHUNK]}):
                    cache[str(getattr(obj, to_field))] = obj
            references[name] = cache
        return references

    def _prefetch_existing(self, data_rows) -> dict:
        if not self.natural_key:
            return {}
        keys = sorted({data[self.natural_key] for _number, data in data_rows if data[self.natural_key] != ""})
        existing = {}
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start:start + LOOKUP_CHUNK]
            for obj in self.model._default_manager.filter(**{f"{self.natural_key}__in": chunk}):
                existing[str(getattr(obj, self.natural_key))] = obj
        return existing

    def _unique_columns(self) -> list[str]:
        return [name for _header, name in self.columns
                if name in self.form_class._meta.fields and self.model._meta.get_field(name).unique]

    def _check_unique(self, data_rows, existing: dict, result: ImportResult) -> None:
        """A unique column may not repeat within the file, nor take a value another record already has (the
        natural key names the record to update, so only other unique columns are checked in the database)."""
        for name in self._unique_columns():
            first_row: dict[str, int] = {}
            for number, data in data_rows:
                value = data[name]
                if value == "":
                    continue
                if value in first_row:
                    result.errors.append(self._error(number, name, _("與第 %(first)s 列重複，此欄不可重複。") % {
                        "first": first_row[value]}))
                else:
                    first_row[value] = number
            if name == self.natural_key:
                continue
            taken = self._taken_values(name, list(first_row))
            for value, owner_pk in taken.items():
                number = first_row[value]
                row_data = next(data for row_number, data in data_rows if row_number == number)
                own = existing.get(row_data.get(self.natural_key)) if self.natural_key else None
                if own is not None and own.pk == owner_pk:
                    continue
                result.errors.append(self._error(number, name, self._unique_message(name, value)))

    def _taken_values(self, name: str, values: list) -> dict:
        taken = {}
        for start in range(0, len(values), LOOKUP_CHUNK):
            chunk = values[start:start + LOOKUP_CHUNK]
            for value, pk in self.model._default_manager.filter(**{f"{name}__in": chunk}).values_list(name, "pk"):
                taken[str(value)] = pk
        return taken

    def _unique_message(self, name: str, value) -> str:
        model_field = self.model._meta.get_field(name)
        custom = model_field.error_messages.get("unique")
        if custom and "%(" not in str(custom):
            return str(custom)
        return _("「%(value)s」已有其他資料使用，此欄不可重複。") % {"value": value}

    def _write(self, validated: list[_Row], *, user, result: ImportResult) -> None:
        now = timezone.now()
        creates, updates, changed_fields = [], [], set()
        for row in validated:
            instance = row.form.instance
            if row.is_new:
                instance.created_by = instance.updated_by = user
                creates.append(instance)
            elif row.changed:
                instance.updated_by = user
                # bulk_update() skips auto_now: stamp the change ourselves.
                instance.updated_at = now
                updates.append(instance)
                changed_fields |= row.changed
        try:
            with transaction.atomic():
                if creates:
                    created = bulk_create_with_history(creates, self.model, batch_size=BATCH_SIZE,
                                                       default_user=user, default_date=now)
                    self.after_create(created, user=user)
                if updates:
                    bulk_update_with_history(updates, self.model, sorted(changed_fields | {"updated_by", "updated_at"}),
                                             batch_size=BATCH_SIZE, default_user=user, default_date=now)
        except IntegrityError:
            result.errors.extend(self._explain_integrity_error(validated)
                                 or [_("資料違反資料庫的限制條件，整批未匯入，請檢查資料後再試。")])
            return
        except DatabaseError:
            result.errors.append(_("資料庫暫時無法寫入，整批未匯入，請稍後再試。"))
            return
        result.created = len(creates)
        result.updated = len(updates)
        result.unchanged = len(validated) - len(creates) - len(updates)

    def _explain_integrity_error(self, validated: list[_Row]) -> list[str]:
        """The write was refused although every row passed: another record took a unique value meanwhile (or
        the natural key of a new row was registered by someone else). Name those rows and columns."""
        errors = []
        for name in self._unique_columns():
            by_value = {str(row.form.cleaned_data[name]): row for row in validated
                        if row.form.cleaned_data.get(name) not in (None, "")}
            for value, owner_pk in self._taken_values(name, list(by_value)).items():
                row = by_value[value]
                if not row.is_new and row.form.instance.pk == owner_pk:
                    continue
                errors.append(self._error(row.number, name, self._unique_message(name, value)))
        return errors

    # --- reading the file ----------------------------------------------------------------------------------

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
        form_field = self.form_class.base_fields.get(name)
        if isinstance(value, datetime | date):
            # Dates are parsed by the importer; an Excel date in a text column is written as ISO.
            return value if isinstance(form_field, forms.DateField) else value.isoformat()[:10]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        choices = getattr(form_field, "choices", None)
        if choices and not isinstance(form_field, forms.ModelChoiceField):
            # Staff type the label they read (企業工會); the form wants the stored value.
            by_label = {str(label): key for key, label in choices}
            text = by_label.get(text, text)
        return text
