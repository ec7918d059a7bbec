from django.contrib import admin

from labor_portal.reporting.models import PeriodCorrection, Publication, ReportRun


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    """Runs are made by the report service, never by hand: the admin only shows them."""

    list_display = ("period", "status", "progress", "requested_by", "created_at", "duration_seconds")
    list_filter = ("status", "period")
    list_select_related = ("requested_by",)
    exclude = ("snapshot",)
    readonly_fields = [f.name for f in ReportRun._meta.fields if f.name != "snapshot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    """Published revisions are locked: shown, never edited or deleted (a correction is the next revision)."""

    list_display = ("period", "revision", "approved_by", "approved_at", "generated_by")
    list_filter = ("period",)
    list_select_related = ("approved_by", "generated_by")
    exclude = ("snapshot", "diff")


@admin.register(PeriodCorrection)
class PeriodCorrectionAdmin(ReadOnlyAdmin):
    """Corrections to records of published half-years, with the reason the clerk gave."""

    list_display = ("period", "record_type", "record_id", "reason", "corrected_by", "corrected_at")
    list_filter = ("period", "record_type")
    list_select_related = ("corrected_by",)
