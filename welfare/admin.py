"""Back office of the welfare section (福利科): condolence cases and payments (graded, approved and paid through
the services), the bands as dated data, injured workers' cases (personal and health data masked in lists and
read-logged), rental housing, and the Shijia Hall's facilities and bookings."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.admin import PersonalDataAdminMixin
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin, apply_to_selected
from labor_portal.core.validators import mask_name, mask_personal_id
from welfare import services
from welfare.imports import CaseContactImport, InjuredWorkerCaseImport, RentalHousingUnitImport
from welfare.models import (
    CaseContact,
    CondolenceBand,
    CondolenceBudget,
    CondolenceCase,
    CondolenceCategory,
    CondolencePayment,
    HallBlackout,
    HallBooking,
    HallFacility,
    InjuredWorkerCase,
    RentalHousingUnit,
    Tenancy,
)


def _phone_masked(phone: str) -> str:
    return f"{phone[:4]}***{phone[-2:]}" if len(phone) > 6 else "***"




@admin.register(CondolenceBand)
class CondolenceBandAdmin(admin.ModelAdmin):
    list_display = ("category", "grade_from", "grade_to", "amount_min", "amount_max", "valid_from", "citation")
    list_filter = ("category",)


@admin.register(CondolenceBudget)
class CondolenceBudgetAdmin(admin.ModelAdmin):
    list_display = ("year", "amount")


class PaymentInline(admin.TabularInline):
    model = CondolencePayment
    fields = ("category", "grade", "graded_on", "band_amount", "amount", "status", "approved_on", "paid_on")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # a payment is graded through its own form, which computes what is owed


@admin.register(CondolenceCase)
class CondolenceCaseAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("__str__", "worker_masked", "personal_id_masked", "accident_on", "accident_kind", "applied_on")
    list_filter = ("accident_kind",)
    date_hierarchy = "accident_on"
    search_fields = ("employer",)
    personal_search_fields = ("worker_name", "personal_id")
    inlines = [PaymentInline]
    masked_export_columns = (("案件", "__str__"), ("勞工", "worker_masked"), ("身分證", "personal_id_masked"),
                             ("職災發生日", "accident_on"))

    @admin.display(description=_("勞工姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)

    @admin.display(description=_("身分證統一編號"))
    def personal_id_masked(self, obj):
        return mask_personal_id(obj.personal_id)


class PaymentGradingForm(forms.ModelForm):
    """The grading of a case: the clerk picks the band and grade (and a death's amount); what is owed is
    computed by the service, the difference for a re-grading."""

    class Meta:
        model = CondolencePayment
        fields = ["case", "category", "grade", "graded_on", "band_amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["band_amount"].required = False
        self.fields["band_amount"].help_text = _("職災死亡填核定金額（10萬至30萬）；失能免填，依級距。")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        death = data["category"] == CondolenceCategory.DEATH
        try:
            services.condolence_payment_assess(case=data["case"], graded_on=data["graded_on"], grade=data.get("grade"),
                                               death=death, amount=data.get("band_amount") if death else None)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None
        return data


@admin.register(CondolencePayment)
class CondolencePaymentAdmin(BureauRecordAdmin):
    list_display = ("case", "category", "grade", "graded_on", "amount", "status", "approved_on", "paid_on")
    list_filter = ("status", "category", ("created_by", admin.RelatedOnlyFieldListFilter))
    date_hierarchy = "graded_on"
    list_select_related = ("case",)
    actions = ("approve", "pay_today")
    autocomplete_fields = ("case",)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = PaymentGradingForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return super().get_readonly_fields(request, obj)
        # A payment's amounts and state change only through the approval and payment actions.
        return [field.name for field in self.model._meta.fields]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        death = data["category"] == CondolenceCategory.DEATH
        payment = services.condolence_payment_grant(
            case=data["case"], graded_on=data["graded_on"], grade=data.get("grade"), death=death,
            amount=data.get("band_amount") if death else None, user=request.user)
        obj.pk = payment.pk
        obj.refresh_from_db()

    @admin.action(description=_("核准所選慰問金"), permissions=["change"])
    def approve(self, request, queryset):
        apply_to_selected(request, queryset, lambda p: services.condolence_payment_approve(payment=p, user=request.user),
               _("已核准"))

    @admin.action(description=_("所選慰問金今日撥款"), permissions=["change"])
    def pay_today(self, request, queryset):
        apply_to_selected(request, queryset, lambda p: services.condolence_payment_pay(
            payment=p, paid_on=timezone.localdate(), user=request.user), _("已撥款"))


class ContactInline(admin.TabularInline):
    model = CaseContact
    fields = ("reference", "contacted_on", "kind", "note")
    extra = 1


@admin.register(InjuredWorkerCase)
class InjuredWorkerCaseAdmin(PersonalDataAdminMixin, SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = InjuredWorkerCaseImport()
    list_display = ("__str__", "worker_masked", "opened_on", "closed_on", "case_manager")
    list_filter = (("closed_on", admin.EmptyFieldListFilter), ("case_manager", admin.RelatedOnlyFieldListFilter))
    date_hierarchy = "opened_on"
    personal_search_fields = ("worker_name", "personal_id")
    inlines = [ContactInline]
    masked_export_columns = (("個案", "__str__"), ("勞工", "worker_masked"), ("開案日期", "opened_on"),
                             ("結案日期", "closed_on"))

    @admin.display(description=_("勞工姓名"))
    def worker_masked(self, obj):
        return mask_name(obj.worker_name)


@admin.register(CaseContact)
class CaseContactAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = CaseContactImport()
    list_display = ("case", "reference", "contacted_on", "kind")
    list_filter = ("kind",)
    date_hierarchy = "contacted_on"
    list_select_related = ("case",)
    raw_id_fields = ("case",)


class TenancyInline(admin.TabularInline):
    model = Tenancy
    fields = ("tenant_name", "personal_id", "phone", "starts_on", "ends_on")
    extra = 0


@admin.register(RentalHousingUnit)
class RentalHousingUnitAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = RentalHousingUnitImport()
    list_display = ("building", "unit_number", "monthly_rent", "managed_from", "managed_until")
    list_filter = ("building", ("managed_until", admin.EmptyFieldListFilter))
    search_fields = ("building", "unit_number", "address")
    inlines = [TenancyInline]


@admin.register(HallFacility)
class HallFacilityAdmin(BureauRecordAdmin):
    list_display = ("name", "kind", "capacity", "price", "active")
    list_filter = ("kind", "active")


@admin.register(HallBlackout)
class HallBlackoutAdmin(admin.ModelAdmin):
    list_display = ("day", "reason")
    date_hierarchy = "day"


@admin.register(HallBooking)
class HallBookingAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("case_number", "facility", "use_on", "slot", "people", "booker_masked", "phone_masked", "status",
                    "fee", "paid_amount", "attended_people")
    list_filter = ("status", "facility__kind", "facility", "slot")
    date_hierarchy = "use_on"
    search_fields = ("case_number", "organisation")
    personal_search_fields = ("booker_name", "phone")
    list_select_related = ("facility",)
    readonly_fields = (*BureauRecordAdmin.readonly_fields, "case_number", "status", "waitlisted_at")
    actions = ("export_masked_csv", "confirm", "paid_in_full_today", "used_as_booked", "no_show", "cancel")
    masked_export_columns = (("預約編號", "case_number"), ("場地", "facility"), ("使用日期", "use_on"),
                             ("預約人", "booker_masked"), ("狀態", "get_status_display"))

    def has_add_permission(self, request):
        return False  # bookings are made online, or by staff through the same page, to keep its capacity check

    @admin.display(description=_("預約人"))
    def booker_masked(self, obj):
        return mask_name(obj.booker_name)

    @admin.display(description=_("聯絡電話"))
    def phone_masked(self, obj):
        return _phone_masked(obj.phone)

    @admin.action(description=_("確認所選預約"), permissions=["change"])
    def confirm(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.hall_booking_confirm(booking=b, user=request.user), _("已確認"))

    @admin.action(description=_("所選預約今日收足應收金額"), permissions=["change"])
    def paid_in_full_today(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.hall_booking_payment(
            booking=b, amount=b.fee - b.paid_amount, paid_on=timezone.localdate(), user=request.user), _("已收款"))

    @admin.action(description=_("所選預約已使用（實到人數同預約人數）"), permissions=["change"])
    def used_as_booked(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.hall_booking_attendance(booking=b, people=b.people,
                                                                             user=request.user), _("已登錄使用"))

    @admin.action(description=_("所選預約未到"), permissions=["change"])
    def no_show(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.hall_booking_attendance(booking=b, people=0, user=request.user),
               _("已登錄未到"))

    @admin.action(description=_("取消所選預約（名額遞補候補者）"), permissions=["change"])
    def cancel(self, request, queryset):
        apply_to_selected(request, queryset, lambda b: services.hall_booking_cancel(booking=b, user=request.user), _("已取消"))
