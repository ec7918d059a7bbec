from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inspections import services
from inspections.imports import EstablishmentImport, LaborInspectionImport, ViolationImport
from inspections.models import (
    LSA_ARTICLE_MEANINGS,
    ComplianceCounselling,
    Establishment,
    LaborInspection,
    OccupationalAccident,
    OSHInspection,
    PromotionSession,
    SafetyFamily,
    SafetyFamilyMember,
    SMECounsellingVisit,
    StopWorkOrder,
    Violation,
    Volunteer,
)
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin


@admin.register(Establishment)
class EstablishmentAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = EstablishmentImport()
    list_display = ("name", "business_number", "responsible_person", "industry", "district", "employees")
    list_filter = ("industry", "district")
    search_fields = ("name", "=business_number")
    list_per_page = 50


class EstablishmentRecordAdmin(BureauRecordAdmin):
    """A record of one establishment: found by its name or 統一編號, picked by autocomplete."""

    list_select_related = ("establishment",)
    search_fields = ("establishment__name", "=establishment__business_number")
    autocomplete_fields = ("establishment",)
    list_per_page = 50


@admin.register(LaborInspection)
class LaborInspectionAdmin(SpreadsheetImportAdminMixin, EstablishmentRecordAdmin):
    spreadsheet_import = LaborInspectionImport()
    list_display = ("establishment", "inspected_on", "kind", "inspector")
    list_filter = ("kind", "establishment__industry")
    date_hierarchy = "inspected_on"


@admin.register(ComplianceCounselling)
class ComplianceCounsellingAdmin(EstablishmentRecordAdmin):
    list_display = ("establishment", "visited_on", "counsellor")
    list_filter = ("establishment__industry", "establishment__district")
    date_hierarchy = "visited_on"


class ArticleFilter(admin.SimpleListFilter):
    """The commonly violated articles, listed without reading the violations."""

    title = _("條次")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        return [(str(article), f"第{article}條 {meaning}") for article, meaning in LSA_ARTICLE_MEANINGS.items()]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(article=int(self.value()))
        return queryset


@admin.register(Violation)
class ViolationAdmin(SpreadsheetImportAdminMixin, EstablishmentRecordAdmin):
    spreadsheet_import = ViolationImport()
    list_display = ("establishment", "law", "article", "decided_on", "fine_imposed", "fine_after_appeal", "status")
    list_filter = ("law", "status", ArticleFilter)
    list_select_related = ("establishment",)
    search_fields = ("establishment__name", "=establishment__business_number", "decision_number")
    date_hierarchy = "decided_on"
    raw_id_fields = ("inspection", "osh_inspection")

    def save_model(self, request, obj, form, change):
        # The status is a logged state (the penalty tables read it as it stood at a period's end).
        if change:
            services.violation_staff_save(violation=obj, status_changed="status" in form.changed_data,
                                          user=request.user)
            return
        super().save_model(request, obj, form, change)
        services.violation_status_log_start(violation=obj, user=request.user)


class StopWorkOrderInline(admin.TabularInline):
    model = StopWorkOrder
    fields = ("ordered_on", "resume_on", "reason")
    extra = 0


@admin.register(OSHInspection)
class OSHInspectionAdmin(EstablishmentRecordAdmin):
    list_display = ("establishment", "inspected_on", "kind", "inspector")
    list_filter = ("kind", "establishment__industry")
    date_hierarchy = "inspected_on"
    inlines = [StopWorkOrderInline]


@admin.register(StopWorkOrder)
class StopWorkOrderAdmin(BureauRecordAdmin):
    list_display = ("inspection", "ordered_on", "resume_on", "reason")
    list_select_related = ("inspection__establishment",)
    list_filter = (("resume_on", admin.EmptyFieldListFilter),)
    search_fields = ("inspection__establishment__name", "=inspection__establishment__business_number")
    date_hierarchy = "ordered_on"
    raw_id_fields = ("inspection",)


@admin.register(OccupationalAccident)
class OccupationalAccidentAdmin(EstablishmentRecordAdmin):
    list_display = ("establishment", "occurred_on", "district", "deaths", "injured")
    list_filter = ("district",)
    date_hierarchy = "occurred_on"


@admin.register(PromotionSession)
class PromotionSessionAdmin(BureauRecordAdmin):
    list_display = ("title", "topic", "channel", "held_on", "people_reached")
    list_filter = ("topic", "channel")
    search_fields = ("title",)
    date_hierarchy = "held_on"


@admin.register(Volunteer)
class VolunteerAdmin(BureauRecordAdmin):
    list_display = ("name", "expertise", "recruited_on", "left_on")
    list_filter = (("left_on", admin.EmptyFieldListFilter),)
    search_fields = ("name",)
    date_hierarchy = "recruited_on"


@admin.register(SMECounsellingVisit)
class SMECounsellingVisitAdmin(EstablishmentRecordAdmin):
    list_display = ("establishment", "volunteer", "visited_on")
    list_filter = ("establishment__industry",)
    list_select_related = ("establishment", "volunteer")
    autocomplete_fields = ("establishment", "volunteer")
    date_hierarchy = "visited_on"


class SafetyFamilyMemberInline(admin.TabularInline):
    model = SafetyFamilyMember
    fields = ("establishment", "is_contractor", "joined_on")
    autocomplete_fields = ("establishment",)
    extra = 0


@admin.register(SafetyFamily)
class SafetyFamilyAdmin(BureauRecordAdmin):
    list_display = ("name", "lead_establishment", "founded_on", "dissolved_on")
    list_select_related = ("lead_establishment",)
    list_filter = (("dissolved_on", admin.EmptyFieldListFilter),)
    search_fields = ("name", "lead_establishment__name")
    autocomplete_fields = ("lead_establishment",)
    date_hierarchy = "founded_on"
    inlines = [SafetyFamilyMemberInline]
