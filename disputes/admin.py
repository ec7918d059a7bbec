"""Back office of the disputes section: the queue, assignment, sessions, outcomes, paper cases, the fund."""

import csv
import secrets

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from disputes import services
from disputes.models import (
    OUTCOMES,
    Applicant,
    Attachment,
    ClaimItem,
    ConfirmationEmail,
    DisputeCase,
    DisputeStatus,
    FiledVia,
    MediationSession,
    PersonalDataPage,
    PersonalDataView,
    Reopening,
    RightsFundApplication,
    outcome_errors,
)
from disputes.views import attachment_response
from labor_portal.core.admin import BureauRecordAdmin
from labor_portal.core.clientip import client_ip
from labor_portal.core.spreadsheets import safe_row
from labor_portal.core.validators import mask_name, mask_personal_id


class ApplicantInline(admin.StackedInline):
    model = Applicant
    extra = 0
    min_num = 1
    fields = ("kind", "name", "personal_id", "birth_date", "phone", "email", "address")


class ClaimInline(admin.TabularInline):
    model = ClaimItem
    extra = 0
    fields = ("item", "amount")


class SessionFormSet(BaseInlineFormSet):
    """An outcome needs a session on or before its date: checked here, where the new sessions are known."""

    def clean(self):
        super().clean()
        dates = [
            form.cleaned_data["held_on"]
            for form in self.forms
            if form.cleaned_data.get("held_on") and not form.cleaned_data.get("DELETE")
        ]
        errors = outcome_errors(self.instance, session_dates=dates)
        if "status" in errors:
            raise ValidationError(errors["status"])


class SessionInline(admin.TabularInline):
    model = MediationSession
    formset = SessionFormSet
    extra = 0
    fields = ("held_on", "starts_at", "place", "attendees")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("download", "content_type", "size", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("檔案"))
    def download(self, attachment):
        url = reverse("admin:disputes_disputecase_attachment", args=[attachment.case_id, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


class ReopeningInline(admin.TabularInline):
    model = Reopening
    extra = 0
    fields = ("reopened_on", "previous_status", "previous_concluded_on", "reason", "created_by")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class DisputeCaseForm(forms.ModelForm):
    reopen_reason = forms.CharField(
        label=_("重新開案或變更結果的理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("變更已結案案件的狀態或結果時必填，理由會保留在紀錄中。"),
    )

    class Meta:
        model = DisputeCase
        fields = [
            "filed_via", "filed_on", "main_category", "categories", "account", "respondent_name",
            "respondent_business_number", "respondent_representative", "respondent_address", "respondent_phone",
            "status", "channel", "mediation_body", "assigned_on", "concluded_on", "settled_amount", "staff_notes",
        ]

    def clean(self):
        cleaned = super().clean()
        self.reopening = None
        was = self.initial.get("status")
        if self.instance.pk and was in OUTCOMES and self._outcome_changed(cleaned):
            reason = (cleaned.get("reopen_reason") or "").strip()
            if not reason:
                self.add_error("reopen_reason", _("已結案的案件須說明理由才能重新開案或變更結果。"))
            else:
                self.reopening = {"reason": reason, "previous_status": was,
                                  "previous_concluded_on": self.initial.get("concluded_on")}
                if cleaned.get("status") not in OUTCOMES:
                    # Reopened: the old outcome's date and amount are kept in the reopening record.
                    cleaned["concluded_on"], cleaned["settled_amount"] = None, None
        return cleaned

    def _outcome_changed(self, cleaned) -> bool:
        return any(cleaned.get(name) != self.initial.get(name) for name in ("status", "concluded_on", "settled_amount"))


class QueueFilter(admin.SimpleListFilter):
    """The queue: new applications not yet assigned, oldest first."""

    title = _("待辦")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("new", _("待分案申請"))]

    def queryset(self, request, queryset):
        if self.value() == "new":
            return queryset.filter(status=DisputeStatus.RECEIVED)
        return queryset


class PersonalDataReadLogMixin:
    """Every page that shows a case or a fund application in full logs who saw it, from where, on which page.

    BureauRecordAdmin calls `record_shown` from the change page, the history list, one historical version
    and the delete confirmation, as each renders (the object already loaded).
    """

    read_log_field: str

    def record_shown(self, request, obj, page: str) -> None:
        if page in (PersonalDataPage.HISTORY, PersonalDataPage.HISTORY_VERSION) and not self._still_exists(obj):
            # The history of a deleted record still holds its personal data, but no read-log row can point
            # at it any more: nobody sees it rather than somebody unlogged.
            raise PermissionDenied
        services.personal_data_view_record(
            viewer=request.user, ip_address=client_ip(request), page=page, **{self.read_log_field: obj}
        )

    def _still_exists(self, obj) -> bool:
        return self.model._default_manager.filter(pk=obj.pk).exists()

    def get_actions(self, request):
        # The bulk-delete confirmation lists every selected record with its applicants' names, unlogged:
        # records with personal data are deleted one at a time, from their own (logged) delete page.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class MaskedPersonalDataMixin:
    @admin.display(description=_("申請人"))
    def applicants_masked(self, case):
        return "、".join(mask_name(applicant.name) for applicant in case.applicants.all())

    @admin.display(description=_("身分證號"))
    def personal_ids_masked(self, case):
        return "、".join(mask_personal_id(applicant.personal_id) for applicant in case.applicants.all())


@admin.register(DisputeCase)
class DisputeCaseAdmin(PersonalDataReadLogMixin, MaskedPersonalDataMixin, BureauRecordAdmin):
    read_log_field = "case"
    form = DisputeCaseForm
    list_display = ("case_number", "filed_on", "applicants_masked", "personal_ids_masked", "respondent_name",
                    "main_category", "channel", "status", "concluded_on")
    list_filter = (QueueFilter, "status", "channel", "main_category", "filed_via")
    search_fields = ("case_number", "respondent_name", "respondent_business_number")
    date_hierarchy = "filed_on"
    inlines = (ApplicantInline, ClaimInline, SessionInline, AttachmentInline, ReopeningInline)
    actions = ("export_masked_csv",)
    readonly_fields = ("case_number", *BureauRecordAdmin.readonly_fields)
    fieldsets = (
        (_("受理"), {"fields": ("case_number", "filed_via", "filed_on")}),
        (_("爭議內容"), {"fields": ("main_category", "categories", "account")}),
        (_("對造"), {"fields": ("respondent_name", "respondent_business_number", "respondent_representative",
                              "respondent_address", "respondent_phone")}),
        (_("分案與結果"), {"fields": ("status", "channel", "mediation_body", "assigned_on", "concluded_on",
                                  "settled_amount", "reopen_reason", "staff_notes")}),
        (_("紀錄"), {"classes": ("collapse",), "fields": BureauRecordAdmin.readonly_fields}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("applicants")

    def get_ordering(self, request):
        if request.GET.get(QueueFilter.parameter_name):
            return ("filed_on", "case_number")  # the queue: first come, first served
        return super().get_ordering(request)

    def get_changeform_initial_data(self, request):
        return {"filed_via": FiledVia.PAPER, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        if not change:
            # A paper application: it gets its number and access code as an online one does.
            code = services.access_code_for_token(secrets.token_urlsafe(32))
            obj.case_number = services.case_number_next(filed_on=obj.filed_on)
            obj.access_code_hash = services.access_code_hash(code)
            messages.warning(request, _("案件 %(number)s 的查詢碼：%(code)s（只顯示這一次，請交給申請人）") % {
                "number": obj.case_number, "code": code})
        super().save_model(request, obj, form, change)
        if change and getattr(form, "reopening", None):
            services.reopening_record(case=obj, user=request.user, **form.reopening)

    def get_urls(self):
        download = self.admin_site.admin_view(self.attachment_view)
        return [
            path("<uuid:case_id>/attachments/<uuid:attachment_id>/", download,
                 name="disputes_disputecase_attachment"),
            *super().get_urls(),
        ]

    def attachment_view(self, request, case_id, attachment_id):
        case = get_object_or_404(DisputeCase, pk=case_id)
        if not self.has_view_permission(request, case):
            raise PermissionDenied
        services.personal_data_view_record(case=case, viewer=request.user, ip_address=client_ip(request),
                                           page=PersonalDataPage.ATTACHMENT)
        return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))

    @admin.action(description=_("匯出所選案件（CSV，個資已遮蔽）"), permissions=["view"])
    def export_masked_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="disputes.csv"'
        response.write("\ufeff")  # so that Excel reads UTF-8
        writer = csv.writer(response)
        writer.writerow(["案件編號", "受理日期", "申請人", "身分證號", "對造", "主要爭議類別", "處理方式", "狀態", "結案日期"])
        for case in queryset.prefetch_related("applicants").order_by("filed_on", "case_number"):
            writer.writerow(safe_row([
                case.case_number, case.filed_on, self.applicants_masked(case), self.personal_ids_masked(case),
                case.respondent_name, case.get_main_category_display(), case.get_channel_display(),
                case.get_status_display(), case.concluded_on or "",
            ]))
        return response


@admin.register(RightsFundApplication)
class RightsFundApplicationAdmin(PersonalDataReadLogMixin, BureauRecordAdmin):
    read_log_field = "fund_application"
    list_display = ("applied_on", "kind", "applicant_masked", "dispute_case", "persons_covered", "decision",
                    "decided_on", "amount_granted")
    list_filter = ("kind", "decision")
    list_select_related = ("dispute_case",)
    search_fields = ("dispute_case__case_number",)
    date_hierarchy = "applied_on"
    raw_id_fields = ("dispute_case",)

    @admin.display(description=_("申請人"))
    def applicant_masked(self, application):
        return mask_name(application.applicant_name)



@admin.register(PersonalDataView)
class PersonalDataViewAdmin(admin.ModelAdmin):
    """The read log is evidence: nobody adds, changes or deletes it here."""

    list_display = ("viewed_at", "viewer", "page", "case", "fund_application", "ip_address")
    list_select_related = ("viewer", "case", "fund_application")
    list_filter = ("page", "viewer")
    search_fields = ("case__case_number", "viewer__username")
    date_hierarchy = "viewed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConfirmationEmail)
class ConfirmationEmailAdmin(admin.ModelAdmin):
    list_display = ("case", "created_at", "sent_at", "attempts", "last_error")
    list_select_related = ("case",)
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    readonly_fields = ("case", "recipient", "language", "created_at", "sent_at", "attempts", "last_error")

    def has_add_permission(self, request):
        return False
