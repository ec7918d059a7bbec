"""Back office of the job centre: job-seeker registrations (personal data masked in the list and export, in full
and read-logged on a registration's own page), vacancies (a new one checked by the job-ad checker and held for
review when it fails), referral cards with their outcome, and the employers' hire reports. Each of the first three
imports from Excel (employment.imports_job_centre)."""

from datetime import timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employment.imports_job_centre import JobSeekerRegistrationImport, ReferralImport, VacancyImport
from employment.job_centre import REFERRAL_OUTCOME_DAYS, VacancyChecker
from employment.models import JobSeekerRegistration, Referral, Vacancy, VacancyHireReport
from labor_portal.cases.admin import PersonalDataAdminMixin
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin
from labor_portal.core.validators import mask_name, mask_personal_id


@admin.register(JobSeekerRegistration)
class JobSeekerRegistrationAdmin(PersonalDataAdminMixin, SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = JobSeekerRegistrationImport()
    list_display = ("number", "registered_on", "station", "name_masked", "personal_id_masked", "middle_aged")
    list_filter = ("station", "middle_aged", "youth", "disadvantaged", "indigenous", "disabled", "new_resident",
                   "released_prisoner")
    date_hierarchy = "registered_on"
    search_fields = ("=number",)
    personal_search_fields = ("name", "personal_id")
    search_help_text = _("求職登記編號，或求職者的完整姓名或身分證號（依個資法記錄查詢）。")
    readonly_fields = ("middle_aged", *BureauRecordAdmin.readonly_fields)
    masked_export_filename = "job-seekers.csv"
    masked_export_columns = (("求職登記編號", "number"), ("登記日期", "registered_on"),
                             ("就業服務站", "get_station_display"), ("姓名", "name_masked"),
                             ("身分證號", "personal_id_masked"), ("中高齡及高齡者", "middle_aged"))

    @admin.display(description=_("姓名"))
    def name_masked(self, seeker):
        return mask_name(seeker.name)

    @admin.display(description=_("身分證號"))
    def personal_id_masked(self, seeker):
        return mask_personal_id(seeker.personal_id)


class HireReportInline(admin.TabularInline):
    model = VacancyHireReport
    extra = 0
    fields = ("reported_on", "hired")


@admin.register(Vacancy)
class VacancyAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = VacancyImport()
    list_display = ("number", "registered_on", "employer_name", "job_title", "occupation", "district", "openings",
                    "pay_range", "employment_type", "review", "closed_on")
    list_filter = ("review", "occupation", "district", "employment_type", "station")
    date_hierarchy = "registered_on"
    search_fields = ("=number", "employer_name", "=employer_business_number", "job_title")
    readonly_fields = ("review_notes", *BureauRecordAdmin.readonly_fields)
    inlines = [HireReportInline]

    @admin.display(description=_("薪資範圍"))
    def pay_range(self, vacancy):
        high = f"{vacancy.pay_max:,}" if vacancy.pay_max is not None else _("以上")
        return f"{vacancy.get_pay_unit_display()} {vacancy.pay_min:,}–{high}"

    def get_readonly_fields(self, request, obj=None):
        # A new vacancy's publication is the checker's; staff decide it once it is held (publish or reject).
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "review") if obj is None else fields

    def save_model(self, request, obj, form, change):
        if not change:
            VacancyChecker(timezone.localdate()).review(obj)
        super().save_model(request, obj, form, change)


class WaitingFilter(admin.SimpleListFilter):
    """The workbench's queue: cards without an outcome after the service standard's days."""

    title = _("推介結果")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("overdue", _("逾 %(days)s 日尚無結果") % {"days": REFERRAL_OUTCOME_DAYS}), ("open", _("尚無結果"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            since = timezone.localdate() - timedelta(days=REFERRAL_OUTCOME_DAYS)
            return queryset.filter(outcome="", referred_on__lte=since)
        if self.value() == "open":
            return queryset.filter(outcome="")
        return queryset


@admin.register(Referral)
class ReferralAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    """The seeker shows masked (JobSeekerRegistration.__str__); picked by autocomplete."""

    spreadsheet_import = ReferralImport()
    list_display = ("card_number", "registration", "vacancy", "referred_on", "outcome", "outcome_on")
    list_filter = (WaitingFilter, "outcome")
    list_select_related = ("registration", "vacancy")
    date_hierarchy = "referred_on"
    search_fields = ("=card_number", "=registration__number", "=vacancy__number")
    autocomplete_fields = ("registration", "vacancy")
    readonly_fields = ("seeker_middle_aged", *BureauRecordAdmin.readonly_fields)


@admin.register(VacancyHireReport)
class VacancyHireReportAdmin(BureauRecordAdmin):
    list_display = ("vacancy", "reported_on", "hired")
    list_select_related = ("vacancy",)
    date_hierarchy = "reported_on"
    search_fields = ("=vacancy__number", "vacancy__employer_name")
    autocomplete_fields = ("vacancy",)
