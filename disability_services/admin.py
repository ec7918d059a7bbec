from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disability_services import services
from disability_services.imports import MonthlyRosterImport, QuotaEmployerImport, RehabilitationCaseImport
from disability_services.models import (
    CaseStageChange,
    Client,
    Entrepreneur,
    EntrepreneurRevenue,
    JobRedesignGrant,
    MassageSite,
    MassageSiteGrant,
    Masseur,
    MasseurTrainingSession,
    MonthlyRoster,
    QuotaEmployer,
    RehabilitationCase,
    RewardApplication,
    RewardStatus,
    SelfEmploymentGrant,
    ShelteredPlacement,
    ShelteredRelief,
    ShelteredWorkshop,
    SupportedEmploymentCase,
    TrainingClass,
    VocationalAssessment,
)
from disability_services.quota import QuotaRules, QuotaStatus
from disability_services.selectors import below_quota_lately
from labor_portal.cases.admin import PersonalDataAdminMixin
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin
from labor_portal.core.validators import mask_name, mask_personal_id


class EmployerQueueFilter(admin.SimpleListFilter):
    """The workbench's queues (disability_services.workbench)."""

    title = _("待辦")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("below", _("連續3個月以上未足額進用")), ("reward_waiting", _("超額進用獎勵申請待核定"))]

    def queryset(self, request, queryset):
        if self.value() == "below":
            return queryset.filter(below_quota_lately(timezone.localdate()))
        if self.value() == "reward_waiting":
            return queryset.filter(pk__in=RewardApplication.objects.waiting().values("employer"))
        return queryset


@admin.register(QuotaEmployer)
class QuotaEmployerAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = QuotaEmployerImport()
    list_display = ("name", "business_number", "kind", "contact_name", "contact_phone")
    list_filter = (EmployerQueueFilter, "kind")
    search_fields = ("name", "business_number")


@admin.register(MonthlyRoster)
class MonthlyRosterAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    """Each roster with its art. 38 result under the rules of its month (read once per month shown)."""

    spreadsheet_import = MonthlyRosterImport()
    list_display = ("employer", "month", "insured_headcount", "disabled", "severe", "part_timers",
                    "severe_part_timers", "required_display", "counted_display", "status_display",
                    "payment_display")
    list_filter = ("month", "employer__kind")
    list_select_related = ("employer",)
    search_fields = ("employer__name", "employer__business_number")
    date_hierarchy = "month"
    autocomplete_fields = ("employer",)

    def _assessment(self, roster):
        cache = self.__dict__.setdefault("_rules", {})
        if roster.month not in cache:
            cache[roster.month] = QuotaRules.on(roster.month)
        return roster.assessment(cache[roster.month])

    def changelist_view(self, request, extra_context=None):
        self.__dict__["_rules"] = {}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("法定應進用"))
    def required_display(self, roster):
        return self._assessment(roster).required

    @admin.display(description=_("實際進用（計算後）"))
    def counted_display(self, roster):
        return self._assessment(roster).counted

    @admin.display(description=_("進用情形"))
    def status_display(self, roster):
        return QuotaStatus(self._assessment(roster).status).label

    @admin.display(description=_("差額補助費(元)"))
    def payment_display(self, roster):
        return f"{self._assessment(roster).monthly_payment:,}"


@admin.register(RewardApplication)
class RewardApplicationAdmin(BureauRecordAdmin):
    list_display = ("employer", "quarter_start", "received_on", "status", "decided_on", "persons", "amount")
    list_filter = ("status", "quarter_start")
    list_select_related = ("employer",)
    search_fields = ("employer__name", "employer__business_number")
    autocomplete_fields = ("employer",)
    actions = ("approve", "reject")

    def get_readonly_fields(self, request, obj=None):
        # Decided through the actions (the service computes persons and amount), not typed in.
        return (*super().get_readonly_fields(request, obj), "status", "decided_on", "persons", "amount")

    def _decide(self, request, queryset, approve: bool):
        done = 0
        for application in queryset.filter(status=RewardStatus.SUBMITTED).select_related("employer"):
            try:
                services.reward_application_decide(application=application, approve=approve,
                                                   decided_on=timezone.localdate(), user=request.user)
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{application}：{' '.join(exc.messages)}", messages.ERROR)
        self.message_user(request, _("已處理 %(count)s 件。") % {"count": done})

    @admin.action(description=_("核定（依名冊計算全季超額人數）"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("不予核定"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, approve=False)


@admin.register(Client)
class ClientAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    """Clients' personal and health data: masked (or left out) in the list and exports, in full (and read-logged)
    on the client's own page."""

    # The disability level and category are health data: on the client's own page only, never in the list.
    list_display = ("name_masked", "personal_id_masked", "created_at")
    search_fields = ("=id",)
    personal_search_fields = ("name", "personal_id")
    search_help_text = _("個案的完整姓名或身分證號（依個資法記錄查詢）。")
    masked_export_filename = "clients.csv"
    masked_export_columns = (("姓名", "name_masked"), ("身分證號", "personal_id_masked"))

    @admin.display(description=_("姓名"))
    def name_masked(self, client):
        return mask_name(client.name)

    @admin.display(description=_("身分證號"))
    def personal_id_masked(self, client):
        return mask_personal_id(client.personal_id)


class ClientRecordAdmin(BureauRecordAdmin):
    """A record about a client: the client shown masked (by Client.__str__), picked by autocomplete."""

    autocomplete_fields = ("client",)
    list_select_related = ("client",)


class CaseStageChangeInline(admin.TabularInline):
    """The case's stage log, read only: it is written by the services when the stage changes."""

    model = CaseStageChange
    fields = ("changed_on", "from_state", "to_state", "changed_by", "reason", "changed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RehabilitationCase)
class RehabilitationCaseAdmin(SpreadsheetImportAdminMixin, ClientRecordAdmin):
    spreadsheet_import = RehabilitationCaseImport()
    list_display = ("client", "opened_on", "stage", "closed_on", "outcome", "manager")
    list_filter = ("stage", "outcome")
    date_hierarchy = "opened_on"
    search_fields = ("manager",)
    inlines = [CaseStageChangeInline]

    def save_model(self, request, obj, form, change):
        # The stage is a logged state (the case-management figures read it as it stood at a period's end).
        if change:
            services.rehabilitation_case_staff_save(case=obj, stage_changed="stage" in form.changed_data,
                                                    user=request.user)
        else:
            services.rehabilitation_case_create(case=obj, user=request.user)


@admin.register(VocationalAssessment)
class VocationalAssessmentAdmin(BureauRecordAdmin):
    list_display = ("case", "completed_on", "recommendation")
    date_hierarchy = "completed_on"
    raw_id_fields = ("case",)


@admin.register(TrainingClass)
class TrainingClassAdmin(BureauRecordAdmin):
    list_display = ("name", "delivery", "enrolment_closed_on", "starts_on", "ends_on", "trainees")
    list_filter = ("delivery",)
    date_hierarchy = "starts_on"
    search_fields = ("name",)


@admin.register(SupportedEmploymentCase)
class SupportedEmploymentCaseAdmin(ClientRecordAdmin):
    list_display = ("client", "programme", "opened_on", "placed_on", "stable_on", "closed_on", "provider")
    list_filter = ("programme",)
    date_hierarchy = "opened_on"
    search_fields = ("provider",)


@admin.register(ShelteredWorkshop)
class ShelteredWorkshopAdmin(BureauRecordAdmin):
    list_display = ("name", "opened_on", "closed_on")
    search_fields = ("name",)


@admin.register(ShelteredPlacement)
class ShelteredPlacementAdmin(ClientRecordAdmin):
    list_display = ("workshop", "client", "role", "opened_on", "closed_on")
    list_filter = ("role", "workshop")
    list_select_related = ("workshop", "client")


@admin.register(ShelteredRelief)
class ShelteredReliefAdmin(BureauRecordAdmin):
    list_display = ("workshop", "kind", "paid_on", "amount")
    list_filter = ("kind",)
    date_hierarchy = "paid_on"


@admin.register(JobRedesignGrant)
class JobRedesignGrantAdmin(BureauRecordAdmin):
    list_display = ("employer_name", "applied_on", "decision", "decided_on", "amount")
    list_filter = ("decision",)
    search_fields = ("employer_name",)
    autocomplete_fields = ("client",)


@admin.register(SelfEmploymentGrant)
class SelfEmploymentGrantAdmin(ClientRecordAdmin):
    list_display = ("business", "client", "applied_on", "decision", "decided_on", "amount")
    list_filter = ("decision",)


@admin.register(Entrepreneur)
class EntrepreneurAdmin(ClientRecordAdmin):
    list_display = ("business", "client", "opened_on", "closed_on")
    search_fields = ("business",)


@admin.register(EntrepreneurRevenue)
class EntrepreneurRevenueAdmin(BureauRecordAdmin):
    list_display = ("entrepreneur", "month", "revenue")
    list_select_related = ("entrepreneur",)
    date_hierarchy = "month"


@admin.register(Masseur)
class MasseurAdmin(ClientRecordAdmin):
    list_display = ("client", "opened_on", "closed_on")


@admin.register(MassageSite)
class MassageSiteAdmin(BureauRecordAdmin):
    list_display = ("name", "kind", "opened_on", "closed_on")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(MassageSiteGrant)
class MassageSiteGrantAdmin(BureauRecordAdmin):
    list_display = ("site", "applied_on", "decision", "decided_on", "amount")
    list_filter = ("decision",)


@admin.register(MasseurTrainingSession)
class MasseurTrainingSessionAdmin(BureauRecordAdmin):
    list_display = ("title", "topic", "held_on", "attendance")
    list_filter = ("topic",)
    date_hierarchy = "held_on"
