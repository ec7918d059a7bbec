"""Back office of the museum (勞工博物館): exhibitions and events, closures, visit slots (Excel import), group
bookings (contacts masked in lists; confirmed, cancelled and attended through the services), daily visitor counts
(Excel import) and grants."""

from django.contrib import admin
from django.db.models import Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.admin import PersonalDataAdminMixin
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin, apply_to_selected
from labor_portal.core.validators import mask_name
from museum import services
from museum.imports import VisitorCountImport, VisitSlotImport
from museum.models import (
    HOLDING,
    Exhibition,
    GroupVisitBooking,
    MuseumClosure,
    MuseumGrant,
    VisitorCount,
    VisitSlot,
)


@admin.register(Exhibition)
class ExhibitionAdmin(BureauRecordAdmin):
    list_display = ("title", "kind", "starts_on", "ends_on", "place", "published")
    list_filter = ("kind", "published")
    search_fields = ("title", "title_en")
    date_hierarchy = "starts_on"


@admin.register(MuseumClosure)
class MuseumClosureAdmin(admin.ModelAdmin):
    list_display = ("day", "reason", "note")
    list_filter = ("reason",)
    date_hierarchy = "day"


@admin.register(VisitSlot)
class VisitSlotAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = VisitSlotImport()
    list_display = ("__str__", "capacity", "places_taken", "note")
    date_hierarchy = "day"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            taken=Coalesce(Sum("bookings__group_size", filter=Q(bookings__status__in=HOLDING)), Value(0)))

    @admin.display(description=_("已預約人數"), ordering="taken")
    def places_taken(self, obj):
        return obj.taken


@admin.register(GroupVisitBooking)
class GroupVisitBookingAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("case_number", "slot", "group_kind", "group_name", "group_size", "contact_masked", "status",
                    "attended_count")
    list_filter = ("status", "group_kind", ("slot__day", admin.DateFieldListFilter))
    search_fields = ("case_number", "group_name")
    personal_search_fields = ("contact_name", "email", "phone")
    list_select_related = ("slot",)
    readonly_fields = (*BureauRecordAdmin.readonly_fields, "case_number", "status", "slot", "group_size",
                       "waitlisted_at")
    actions = ("export_masked_csv", "confirm", "attended_as_booked", "no_show", "cancel")
    masked_export_columns = (("預約編號", "case_number"), ("時段", "slot"), ("團體", "group_name"),
                             ("人數", "group_size"), ("聯絡人", "contact_masked"), ("狀態", "get_status_display"))

    def has_add_permission(self, request):
        return False  # bookings are made on the booking page, which checks the slot's places under its lock

    @admin.display(description=_("聯絡人"))
    def contact_masked(self, obj):
        return mask_name(obj.contact_name)

    @admin.action(description=_("確認所選預約"), permissions=["change"])
    def confirm(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.visit_booking_confirm(booking=b, user=request.user), _("已確認"))

    @admin.action(description=_("所選團體已到館（實到人數同預約人數）"), permissions=["change"])
    def attended_as_booked(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.visit_booking_attendance(
            booking=b, attended=b.group_size, user=request.user), _("已登錄到館"))

    @admin.action(description=_("所選團體未到館"), permissions=["change"])
    def no_show(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.visit_booking_attendance(booking=b, attended=0, user=request.user),
               _("已登錄未到"))

    @admin.action(description=_("取消所選預約（名額遞補候補者）"), permissions=["change"])
    def cancel(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.visit_booking_cancel(booking=b, user=request.user), _("已取消"))


@admin.register(VisitorCount)
class VisitorCountAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = VisitorCountImport()
    list_display = ("day", "kind", "visitors")
    list_filter = ("kind",)
    date_hierarchy = "day"


@admin.register(MuseumGrant)
class MuseumGrantAdmin(BureauRecordAdmin):
    list_display = ("programme", "kind", "approved_on", "amount")
    list_filter = ("kind",)
    date_hierarchy = "approved_on"
