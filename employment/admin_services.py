"""Admin of the job centre's events, programme enrolments, training classes and certification tests, with Excel
import of events and classes (employment.imports_services)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employment.imports_services import ServiceEventImport, TrainingClassImport
from employment.models import CertificationSession, ProgrammeEnrolment, ServiceEvent, TrainingClass
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin


@admin.register(ServiceEvent)
class ServiceEventAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = ServiceEventImport()
    list_display = ("held_on", "kind", "title", "place", "sessions", "participants", "employers", "resumes", "matched")
    list_filter = ("kind", "activity", "programme")
    search_fields = ("title", "place", "school", "programme")
    date_hierarchy = "held_on"
    fieldsets = (
        (None, {"fields": ("kind", "programme", "title", "held_on", "place", "school", "activity", "sessions")}),
        (_("人數與成果（依活動類別填寫，該類別無此項目者留空）"), {"fields": (
            "participants", "employers", "openings", "resumes", "matched", "consultations", "referrals")}),
        (None, {"fields": ("notes",)}),
    )


@admin.register(ProgrammeEnrolment)
class ProgrammeEnrolmentAdmin(BureauRecordAdmin):
    list_display = ("recorded_on", "programme", "unit", "employer_name", "quota", "applicants", "people", "vacancies")
    list_filter = ("programme",)
    search_fields = ("unit", "employer_name", "=business_number")
    date_hierarchy = "recorded_on"


class CompletionFilter(admin.SimpleListFilter):
    """Classes that have ended without their completion numbers (the workbench links here)."""

    title = _("結訓人數")
    parameter_name = "completion"

    def lookups(self, request, model_admin):
        return [("missing", _("已結訓，尚未填寫")), ("running", _("訓練中"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "missing":
            return queryset.filter(completed__isnull=True, ends_on__lt=today)
        if self.value() == "running":
            return queryset.filter(ends_on__gte=today)
        return queryset


@admin.register(TrainingClass)
class TrainingClassAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = TrainingClassImport()
    list_display = ("code", "name", "scheme", "starts_on", "ends_on", "hours", "enrolled", "completed")
    list_filter = ("scheme", CompletionFilter)
    search_fields = ("code", "name", "provider")
    date_hierarchy = "starts_on"


@admin.register(CertificationSession)
class CertificationSessionAdmin(BureauRecordAdmin):
    list_display = ("held_on", "kind", "trade", "candidates")
    list_filter = ("kind",)
    search_fields = ("trade",)
    date_hierarchy = "held_on"
