"""Back office of the employment section's complaints: queues, assignment, deadlines, outcomes, paper complaints.

Personal data is masked in the lists and the export and shown in full on a complaint's own pages, every such view
read-logged (the kit's PersonalDataAdminMixin). A change of state goes through employment.services under the
complaint's row lock. The rights work (committee, phrases, seminars, consultations) is in admin_rights.py.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from employment import (
    admin_job_centre,  # noqa: F401 - registers the job centre's seekers, vacancies and referrals
    admin_rights,  # noqa: F401 - registers the rights work's admin
    admin_services,  # noqa: F401 - registers the job centre's events, programmes and training
    services,
)
from employment.grounds import Ground
from employment.models import (
    OPEN_STATES,
    ComplaintFiledVia,
    DiscriminationAttachment,
    DiscriminationComplaint,
    DiscriminationStateChange,
    HarassmentAttachment,
    HarassmentComplaint,
    HarassmentStateChange,
    HarassmentTimeLimit,
    ScamAttachment,
    ScamComplaint,
    ScamStateChange,
    UnlawfulRecruitmentAct,
)
from employment.workbench import WARN_DAYS
from labor_portal.cases.admin import PersonalDataAdminMixin, SeenStateForm
from labor_portal.cases.attachments import attachment_response
from labor_portal.cases.models import PersonalDataPage
from labor_portal.core.admin import BureauRecordAdmin
from labor_portal.core.validators import mask_name, mask_personal_id


class DeadlineFilter(admin.SimpleListFilter):
    """Open complaints whose investigation deadline is near or past (the workbench links here)."""

    title = _("調查期限")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("near", _("將屆或已逾")), ("past", _("已逾期"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "near":
            return queryset.filter(status__in=OPEN_STATES, investigation_due_on__lte=today + timedelta(days=WARN_DAYS))
        if self.value() == "past":
            return queryset.filter(status__in=OPEN_STATES, investigation_due_on__lt=today)
        return queryset


def _attachment_inline(attachment_model, url_name):
    class AttachmentInline(admin.TabularInline):
        model = attachment_model
        extra = 0
        fields = ("download", "content_type", "size", "created_at")
        readonly_fields = fields
        can_delete = False

        def has_add_permission(self, request, obj=None):
            return False

        @admin.display(description=_("檔案"))
        def download(self, attachment):
            url = reverse(f"admin:{url_name}", args=[attachment.case_id, attachment.pk])
            return format_html('<a href="{}">{}</a>', url, attachment.original_name)

    return AttachmentInline


def _state_inline(state_model):
    class StateChangeInline(admin.TabularInline):
        model = state_model
        extra = 0
        fields = ("changed_on", "from_state", "to_state", "changed_by", "reason", "changed_at")
        readonly_fields = fields
        can_delete = False
        verbose_name_plural = _("狀態變更紀錄")

        def has_add_permission(self, request, obj=None):
            return False

    return StateChangeInline


class ComplaintAdminForm(SeenStateForm, forms.ModelForm):
    """A complaint's change form; a citizen's withdrawal made while it was open is merged, not overwritten (the
    kit's SeenStateForm, with ComplaintAdmin.get_object's row lock)."""

    state_reason = forms.CharField(label=_("狀態變更理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                   help_text=_("變更處理狀態時填寫，會保留在狀態變更紀錄中。"))

    def clean(self):
        cleaned = super().clean()
        if not self.state_merged(cleaned):
            return cleaned
        probe = self.instance
        for name in ("status", "concluded_on", "filed_on", "handler"):
            if name in cleaned:
                setattr(probe, name, cleaned[name])
        for name, message in services.complaint_errors(probe).items():
            if name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, message)
        return cleaned


class ComplaintAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    """The admin every complaint kind shares; a kind adds its own fieldset (kind_fieldset)."""

    form = ComplaintAdminForm
    list_display = ("case_number", "filed_on", "filed_via", "complainant_masked", "personal_id_masked",
                    "employer_name", "status", "handler", "investigation_due_on", "concluded_on")
    list_select_related = ("handler",)
    list_filter = (DeadlineFilter, "status", "filed_via", ("handler", admin.RelatedOnlyFieldListFilter))
    search_fields = ("case_number", "employer_name", "employer_business_number")
    date_hierarchy = "filed_on"
    readonly_fields = ("case_number", *BureauRecordAdmin.readonly_fields)
    kind_fieldset: tuple = ()
    attachment_url_name = ""
    masked_export_columns = (
        ("案件編號", "case_number"), ("受理日期", "filed_on"), ("申訴人", "complainant_masked"),
        ("身分證號", "personal_id_masked"), ("事業單位", "employer_name"), ("狀態", "get_status_display"),
        ("調查期限", "investigation_due_on"), ("結案日期", "concluded_on"),
    )

    def get_fieldsets(self, request, obj=None):
        return (
            (_("受理"), {"fields": ("case_number", "filed_via", "filed_on")}),
            (_("申訴人"), {"fields": ("complainant_name", "complainant_personal_id", "complainant_phone",
                                    "complainant_email", "complainant_address")}),
            (_("事業單位（雇主）"), {"fields": ("employer_name", "employer_business_number", "employer_address",
                                         "employer_contact")}),
            self.kind_fieldset,
            (_("事實經過"), {"fields": ("account",)}),
            (_("調查與結果"), {"fields": ("status", "handler", "assigned_on", "investigation_due_on",
                                     "investigation_extended", "concluded_on", "state_reason", "staff_notes",
                                     "seen_state")}),
            (_("紀錄"), {"classes": ("collapse",), "fields": BureauRecordAdmin.readonly_fields}),
        )

    @admin.display(description=_("申訴人"))
    def complainant_masked(self, case):
        return mask_name(case.complainant_name)

    @admin.display(description=_("身分證號"))
    def personal_id_masked(self, case):
        return mask_personal_id(case.complainant_personal_id)

    def get_ordering(self, request):
        if request.GET.get(DeadlineFilter.parameter_name):
            return ("investigation_due_on", "case_number")
        return super().get_ordering(request)

    def get_changeform_initial_data(self, request):
        return {"filed_via": ComplaintFiledVia.PAPER, "filed_on": timezone.localdate(),
                **super().get_changeform_initial_data(request)}

    def get_object(self, request, object_id, from_field=None):
        case = super().get_object(request, object_id, from_field)
        if case is not None and request.method == "POST":
            # Read again under the row lock, held until the admin's transaction commits: a citizen's withdrawal
            # waits rather than being overwritten.
            case = self.model.objects.select_for_update().get(pk=case.pk)
        return case

    def save_model(self, request, obj, form, change):
        reason = form.cleaned_data.get("state_reason") or ""
        try:
            if change:
                services.complaint_staff_change(case=obj, previous_status=form.initial.get("status"),
                                                user=request.user, reason=reason)
                return
            if obj.pk is None:
                obj.pk = self.model._meta.pk.get_default()
            code = services.complaint_paper_start(case=obj, user=request.user)
        except ValidationError as exc:
            # The form checked the same rules; a race (a withdrawal meanwhile) lands here.
            raise PermissionDenied("; ".join(exc.messages)) from exc
        obj.created_by = obj.updated_by = request.user
        obj.save(force_insert=True)
        messages.warning(request, _("案件 %(number)s 的查詢碼：%(code)s（只顯示這一次，請交給申訴人）") % {
            "number": obj.case_number, "code": code})

    def get_urls(self):
        download = self.admin_site.admin_view(self.attachment_view)
        return [path("<uuid:case_id>/attachments/<uuid:attachment_id>/", download, name=self.attachment_url_name),
                *super().get_urls()]

    def attachment_view(self, request, case_id, attachment_id):
        case = get_object_or_404(self.model, pk=case_id)
        if not self.has_view_permission(request, case):
            raise PermissionDenied
        self.record_shown(request, case, PersonalDataPage.ATTACHMENT)
        return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))

    def masked_export_queryset(self, queryset):
        return queryset.order_by("filed_on", "case_number")


class DiscriminationAdminForm(ComplaintAdminForm):
    grounds = forms.MultipleChoiceField(label=_("歧視事由"), choices=Ground.choices, required=False,
                                        widget=forms.CheckboxSelectMultiple)
    other_acts = forms.MultipleChoiceField(label=_("第5條第2項情事"), choices=UnlawfulRecruitmentAct.choices,
                                           required=False, widget=forms.CheckboxSelectMultiple)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("grounds") and not cleaned.get("other_acts"):
            self.add_error("grounds", _("請至少勾選一項歧視事由或第5條第2項情事。"))
        return cleaned


@admin.register(DiscriminationComplaint)
class DiscriminationComplaintAdmin(ComplaintAdmin):
    form = DiscriminationAdminForm
    list_display = (*ComplaintAdmin.list_display[:6], "main_ground", *ComplaintAdmin.list_display[6:])
    list_filter = (*ComplaintAdmin.list_filter, "main_ground")
    kind_fieldset = (_("申訴事由"), {"fields": ("grounds", "main_ground", "other_acts", "job_title",
                                           "offered_monthly_pay", "incident_on", "incident_until")})
    inlines = (_attachment_inline(DiscriminationAttachment, "employment_discriminationcomplaint_attachment"),
               _state_inline(DiscriminationStateChange))
    attachment_url_name = "employment_discriminationcomplaint_attachment"
    masked_export_filename = "discrimination-complaints.csv"
    masked_export_columns = (*ComplaintAdmin.masked_export_columns, ("主要歧視事由", "get_main_ground_display"))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # Blank on a paper complaint: the service takes the first ground ticked.
        form.base_fields["main_ground"].required = False
        return form


@admin.register(HarassmentComplaint)
class HarassmentComplaintAdmin(ComplaintAdmin):
    list_display = (*ComplaintAdmin.list_display, "appears_late")
    list_filter = (*ComplaintAdmin.list_filter, "appears_late", "route")
    kind_fieldset = (_("被申訴人與申訴期限"), {"fields": (
        "complainant_role", "complainant_birth_date", "route", "respondent_name", "respondent_title",
        "respondent_is_top_manager", "respondent_abused_power", "victim_was_minor", "act_ended_on", "learned_on",
        "left_job_on", "filing_deadline", "deadline_basis", "appears_late")})
    readonly_fields = (*ComplaintAdmin.readonly_fields, "filing_deadline", "deadline_basis", "appears_late")
    inlines = (_attachment_inline(HarassmentAttachment, "employment_harassmentcomplaint_attachment"),
               _state_inline(HarassmentStateChange))
    attachment_url_name = "employment_harassmentcomplaint_attachment"
    masked_export_filename = "harassment-complaints.csv"


@admin.register(ScamComplaint)
class ScamComplaintAdmin(ComplaintAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    kind_fieldset = (_("徵才廣告"), {"fields": ("ad_source", "ad_url", "ad_text", "incident_on", "loss_amount")})
    inlines = (_attachment_inline(ScamAttachment, "employment_scamcomplaint_attachment"),
               _state_inline(ScamStateChange))
    attachment_url_name = "employment_scamcomplaint_attachment"
    masked_export_filename = "scam-complaints.csv"


@admin.register(HarassmentTimeLimit)
class HarassmentTimeLimitAdmin(admin.ModelAdmin):
    """The time limits of art. 32-1 as dated data: an amendment is a new row from its date."""

    list_display = ("rule", "years", "valid_from", "citation")
    list_filter = ("rule",)
