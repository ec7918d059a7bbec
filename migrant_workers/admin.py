"""Back office of 外勞科: records, Excel import of visits and notifications, the holiday calendar, complaints
(personal data masked in lists, read-logged on their pages)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.admin import PersonalDataAdminMixin
from labor_portal.cases.attachments import attachment_response
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin, apply_to_selected
from labor_portal.core.validators import mask_name
from migrant_workers import services
from migrant_workers.imports import InspectionVisitImport, StatusNotificationImport
from migrant_workers.models import (
    Consultation,
    Handout,
    Holiday,
    InspectionVisit,
    MigrantComplaint,
    MigrantComplaintAttachment,
    MigrantComplaintStateChange,
    OutreachEvent,
    Penalty,
    QuarantineCare,
    QuarantineCheck,
    ShelterStay,
    StatusNotification,
)
from migrant_workers.workbench import late_notifications


def mask_passport(value: str) -> str:
    return f"{value[:1]}{'*' * max(len(value) - 3, 0)}{value[-2:]}" if len(value) > 3 else "*" * len(value)


@admin.register(InspectionVisit)
class InspectionVisitAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = InspectionVisitImport()
    list_display = ("reference", "visited_on", "category", "reason", "employer_name", "finding")
    list_filter = ("category", "reason", "finding")
    search_fields = ("reference", "employer_name")
    date_hierarchy = "visited_on"


@admin.register(Consultation)
class ConsultationAdmin(BureauRecordAdmin):
    list_display = ("held_on", "topic", "channel", "nationality")
    list_filter = ("topic", "channel", "nationality")
    date_hierarchy = "held_on"


@admin.register(Penalty)
class PenaltyAdmin(BureauRecordAdmin):
    list_display = ("document_number", "decided_on", "employer_name", "article", "amount", "is_final")
    list_filter = ("is_final", "article")
    search_fields = ("document_number", "employer_name")
    date_hierarchy = "decided_on"


class LateNotificationFilter(admin.SimpleListFilter):
    """The workbench's late-notification queues (migrant_workers.workbench.late_notifications)."""

    title = _("逾期待處理")
    parameter_name = "late"

    def lookups(self, request, model_admin):
        return [("filed_late", _("逾期通報，待處理")), ("unfiled", _("已逾通報期限仍未通報"))]

    def queryset(self, request, queryset):
        filed_late, unfiled = late_notifications(timezone.localdate())
        if self.value() == "filed_late":
            return queryset.filter(filed_late)
        if self.value() == "unfiled":
            return queryset.filter(unfiled)
        return queryset


@admin.register(StatusNotification)
class StatusNotificationAdmin(PersonalDataAdminMixin, SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = StatusNotificationImport()
    list_display = ("reference", "kind", "event_on", "filed_on", "deadline_on", "filed_late", "late_reviewed_on",
                    "employer_name", "worker_masked")
    list_filter = (LateNotificationFilter, "kind", "filed_late", "nationality")
    actions = ("mark_late_reviewed",)

    @admin.action(description=_("標記逾期已處理"), permissions=["change"])
    def mark_late_reviewed(self, request, queryset):
        apply_to_selected(request, queryset, lambda notification: services.notification_late_review(
            notification=notification, user=request.user), _("已標記逾期已處理"))
    search_fields = ("reference", "employer_name")
    personal_search_fields = ("worker_name", "passport_number")
    date_hierarchy = "processed_on"
    readonly_fields = ("deadline_on", "filed_late", *BureauRecordAdmin.readonly_fields)
    masked_export_filename = "status-notifications.csv"
    masked_export_columns = (
        ("通報編號", "reference"), ("通報類別", "get_kind_display"), ("事實發生日", "event_on"), ("通報日期", "filed_on"),
        ("法定期限", "deadline_on"), ("逾期", "filed_late"), ("雇主名稱", "employer_name"), ("外國人", "worker_masked"),
    )

    @admin.display(description=_("外國人姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)


@admin.register(ShelterStay)
class ShelterStayAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("placed_on", "left_on", "worker_masked", "nationality", "person_days")
    list_filter = ("nationality",)
    date_hierarchy = "placed_on"
    personal_search_fields = ("worker_name",)
    masked_export_filename = "shelter.csv"
    masked_export_columns = (("安置日期", "placed_on"), ("外國人", "worker_masked"), ("安置人日數", "person_days"))

    @admin.display(description=_("外國人姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)


@admin.register(OutreachEvent)
class OutreachEventAdmin(BureauRecordAdmin):
    list_display = ("held_on", "kind", "place", "reach")
    list_filter = ("kind",)
    date_hierarchy = "held_on"


@admin.register(QuarantineCheck)
class QuarantineCheckAdmin(BureauRecordAdmin):
    list_display = ("received_on", "employer_name", "workers", "outcome")
    list_filter = ("outcome",)
    date_hierarchy = "received_on"


@admin.register(Handout)
class HandoutAdmin(BureauRecordAdmin):
    list_display = ("given_on", "kind", "quantity", "recipient")
    list_filter = ("kind",)
    date_hierarchy = "given_on"


@admin.register(QuarantineCare)
class QuarantineCareAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("cared_on", "kind", "worker_masked", "nationality")
    list_filter = ("kind", "nationality")
    date_hierarchy = "cared_on"
    masked_export_filename = "quarantine-care.csv"
    masked_export_columns = (("關懷日期", "cared_on"), ("方式", "get_kind_display"), ("外國人", "worker_masked"))

    @admin.display(description=_("外國人姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("day", "name", "is_workday")
    list_filter = ("is_workday",)
    date_hierarchy = "day"
    search_fields = ("name",)


class StateChangeInline(admin.TabularInline):
    model = MigrantComplaintStateChange
    extra = 0
    can_delete = False
    fields = readonly_fields = ("changed_on", "from_state", "to_state", "changed_by", "reason")

    def has_add_permission(self, request, obj=None):
        return False


class AttachmentInline(admin.TabularInline):
    """The documents the worker sent, each downloaded through the case's admin (section staff only)."""

    model = MigrantComplaintAttachment
    extra = 0
    can_delete = False
    fields = readonly_fields = ("download", "content_type", "size", "created_at")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("檔案"))
    def download(self, attachment):
        url = reverse("admin:migrant_workers_complaint_attachment", args=[attachment.case_id, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


@admin.register(MigrantComplaint)
class MigrantComplaintAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("case_number", "filed_on", "urgent", "topic", "status", "worker_masked", "passport_masked",
                    "handler")
    list_filter = ("urgent", "status", "topic", "nationality", "language")
    search_fields = ("case_number", "employer_name")
    personal_search_fields = ("worker_name", "passport_number")
    date_hierarchy = "filed_on"
    inlines = [StateChangeInline, AttachmentInline]
    readonly_fields = ("case_number", "language", "filed_on", *BureauRecordAdmin.readonly_fields)
    fields = ("case_number", "filed_on", "language", "status", "urgent", "topic", "handler", "worker_name",
              "nationality", "passport_number", "phone", "email", "employer_name", "workplace_address", "account",
              *BureauRecordAdmin.readonly_fields)
    masked_export_filename = "migrant-complaints.csv"
    masked_export_columns = (
        ("案件編號", "case_number"), ("受理日期", "filed_on"), ("緊急", "urgent"), ("申訴事項", "get_topic_display"),
        ("狀態", "get_status_display"), ("申訴人", "worker_masked"),
    )

    @admin.display(description=_("姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)

    @admin.display(description=_("護照號碼"))
    def passport_masked(self, obj):
        return mask_passport(obj.passport_number or "")

    def has_add_permission(self, request):
        # Complaints come from the workers' form; a clerk taking one by phone files it there too.
        return False

    def get_urls(self):
        download = self.admin_site.admin_view(self.attachment_view)
        return [path("<uuid:case_id>/attachments/<uuid:attachment_id>/", download,
                     name="migrant_workers_complaint_attachment"), *super().get_urls()]

    def attachment_view(self, request, case_id, attachment_id):
        case = get_object_or_404(MigrantComplaint, pk=case_id)
        if not self.has_view_or_change_permission(request, case):
            raise PermissionDenied
        return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))

    def save_model(self, request, obj, form, change):
        """A change of state goes through the service (state log, the worker's message in their language)."""
        to_state = obj.status
        if change and "status" in form.changed_data:
            obj.status = form.initial["status"]
            obj.save()
            try:
                services.complaint_advance(case=obj, to_state=to_state, user=request.user)
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
            obj.refresh_from_db()
            return
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
