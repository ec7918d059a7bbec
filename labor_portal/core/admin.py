from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from labor_portal.core.api_tokens import register_token_admin

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

admin.site.site_header = _("高雄市政府勞工局 業務管理系統")
admin.site.site_title = _("勞工局業務管理")
admin.site.index_title = _("業務管理")


class BureauRecordAdmin(SimpleHistoryAdmin):
    """Admin of a BureauRecord: records who created and last changed each row."""

    readonly_fields = ("created_at", "updated_at", "created_by", "updated_by")

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
    """Adds 'import from Excel' to a ModelAdmin: set `spreadsheet_import` to a SpreadsheetImport."""

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
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = self.spreadsheet_import.run(form.cleaned_data["file"], user=request.user)
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
