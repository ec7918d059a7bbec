from datetime import date, datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from labor_portal.core.api_tokens import register_token_admin
from labor_portal.core.forms import ChoiceListField
from labor_portal.core.models import LegalRule
from labor_portal.reporting.corrections import PublishedPeriodCorrections

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

admin.site.site_header = _("高雄市政府勞工局 業務管理系統")
admin.site.site_title = _("勞工局業務管理")
admin.site.index_title = _("業務管理")


def history_value_display(model_field, value, choices=None) -> str:
    """A value as a clerk reads it on the history page, in the active language: a choice by its label, a list of
    codes by their labels (`choices`, e.g. a ChoiceListField's), 是/否, a date in the language's format, a
    related record by its name; empty as "—"."""
    if isinstance(value, DeletedObject):
        # simple-history hands over an empty foreign key as a "deleted" record without a key.
        value = None if value.pk is None else gettext("已刪除的%(name)s") % {"name": value.model._meta.verbose_name}
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        labels = dict(choices or ())
        return "、".join(str(labels.get(item, item)) for item in value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return gettext("是") if value else gettext("否")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value,
                                   "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)  # a related record (simple-history hands over the object), a number, a text


class LabelledChanges(HistoricalRecordContextHelper):
    """The history page's "changes" column in the clerk's words: 處理狀態：已受理 → 已排定調解會議, not
    status: received → scheduled."""

    def __init__(self, model, historical_record, *, list_choices: dict):
        super().__init__(model, historical_record)
        self.list_choices = list_choices

    def prepare_delta_change_value(self, change, value):
        model_field = self.model._meta.get_field(change.field)
        if model_field.many_to_many:
            value = super().prepare_delta_change_value(change, value)
        return history_value_display(model_field, value, self.list_choices.get(change.field))


class BureauRecordAdmin(PublishedPeriodCorrections, SimpleHistoryAdmin):
    """Admin of a BureauRecord: records who created and last changed each row, and shows its change history
    with field and choice labels in the clerk's language (admin/bureau_history*.html, LabelledChanges).
    A record dated in a published half-year is saved only with a reason (reporting.corrections)."""

    readonly_fields = ("created_at", "updated_at", "created_by", "updated_by")
    object_history_template = "admin/bureau_history.html"
    object_history_list_template = "admin/bureau_history_list.html"
    object_history_form_template = "admin/bureau_history_form.html"

    def get_historical_record_context_helper(self, request, historical_record):
        # A JSON list of codes has no choices of its own: the form's checkboxes (ChoiceListField) know them.
        list_choices = {name: form_field.choices for name, form_field in self.form.base_fields.items()
                        if isinstance(form_field, ChoiceListField)}
        return LabelledChanges(self.model, historical_record, list_choices=list_choices)

    def history_view_title(self, request, obj):
        return _("%(record)s的變更歷史") % {"record": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("檢視%(record)s的歷史版本") % {"record": obj}
        return _("回復%(record)s的歷史版本") % {"record": obj}

    # --- Pages that show a record in full -------------------------------------------------------------
    # The change page, the history list (simple-history prints every changed value, old and new), one
    # historical version (viewed or reverted) and the delete confirmation all show a record in full.
    # Each calls `record_shown` once it renders, so a section whose records carry personal data logs
    # every one of them in one place (Taiwan PDPA Enforcement Rules art. 12).

    def record_shown(self, request, obj, page: str) -> None:
        """A page showed `obj` in full to `request.user`; `page` is change/history/history_version/delete.

        Nothing by default: a section with personal data puts labor_portal.cases.admin.PersonalDataAdminMixin
        before this class, which writes the one read log (labor_portal.cases.readlog).
        """

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            self.record_shown(request, obj, "change")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def render_history_view(self, request, template, context, **kwargs):
        # simple-history renders both its history list ("object") and one version ("original") here.
        if "original" in context:
            self.record_shown(request, context["original"], "history_version")
        else:
            self.record_shown(request, context["object"], "history")
        return super().render_history_view(request, template, context, **kwargs)

    def render_delete_form(self, request, context):
        self.record_shown(request, context["object"], "delete")
        return super().render_delete_form(request, context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if instance.pk is None and hasattr(instance, "created_by"):
                instance.created_by = request.user
            if hasattr(instance, "updated_by"):
                instance.updated_by = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Excel 檔案 (.xlsx)"))


class SpreadsheetImportAdminMixin:
    """Adds 'import from Excel' to a BureauRecordAdmin: set `spreadsheet_import` to a SpreadsheetImport."""

    spreadsheet_import = None
    change_list_template = "admin/change_list_with_import.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=f"{name}_import"),
            path("import/template.xlsx", self.admin_site.admin_view(self.import_template_view),
                 name=f"{name}_import_template"),
            *super().get_urls(),
        ]

    def import_template_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        filename = f"{self.model._meta.model_name}-import-template.xlsx"
        response = HttpResponse(self.spreadsheet_import.template(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        # Rows of a published half-year are imported only with a reason (BureauRecordAdmin's corrections).
        corrections = self.import_corrections(request)
        form_class = corrections.upload_form(ImportUploadForm) if corrections else ImportUploadForm
        form = form_class(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                result = self.spreadsheet_import.run(form.cleaned_data["file"], user=request.user,
                                                     before_write=corrections.checker(form) if corrections else None)
                if result.ok and corrections:
                    corrections.record()
            if result.ok:
                messages.success(request, _("%(name)s匯入完成：新增 %(created)s 筆、更新 %(updated)s 筆、未變動 %(unchanged)s 筆。") % {
                    "name": opts.verbose_name, "created": result.created, "updated": result.updated,
                    "unchanged": result.unchanged})
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("從 Excel 匯入%(name)s") % {"name": opts.verbose_name},
            "form": form,
            "result": result,
            "headers": self.spreadsheet_import.headers,
            "template_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import_template"),
        }
        return TemplateResponse(request, "admin/spreadsheet_import.html", context)


# API tokens: created only on the staff page, which always sets an expiry (see labor_portal.core.api_tokens).
register_token_admin(admin.site)


@admin.register(LegalRule)
class LegalRuleAdmin(admin.ModelAdmin):
    """Administrators keep the numbers laws fix; a change of law is a new row from its date, not an edit."""

    list_display = ("title", "key", "value", "valid_from", "citation")
    list_filter = ("key",)
    search_fields = ("key", "title", "citation")


def apply_to_selected(request, queryset, action, done: str) -> None:
    """An admin action's body: run a service on each selected record; each refusal is reported, the others done."""
    count = 0
    for obj in queryset:
        try:
            action(obj)
            count += 1
        except ValidationError as exc:
            messages.error(request, f"{obj}: {' '.join(exc.messages)}")
    if count:
        messages.success(request, _("%(count)s 筆%(done)s。") % {"count": count, "done": done})
