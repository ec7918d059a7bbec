from django.contrib import admin

from labor_portal.reporting.models import ReportRun


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
