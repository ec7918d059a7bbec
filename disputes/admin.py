"""Back office of the disputes section: the queue, assignment, sessions, outcomes, paper cases, the fund."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from disputes import services
from disputes.models import (
    OUTCOMES,
    Applicant,
    Attachment,
    ClaimItem,
    DisputeCase,
    DisputeCategory,
    DisputeStatus,
    FiledVia,
    FundDecision,
    MediationSession,
    Reopening,
    RightsFundApplication,
    outcome_errors,
)
from disputes.views import attachment_response
from labor_portal.cases.admin import PersonalDataAdminMixin, SeenStateForm
from labor_portal.cases.models import PersonalDataPage
from labor_portal.core.admin import BureauRecordAdmin
from labor_portal.core.forms import ChoiceListField
from labor_portal.core.sections import section
from labor_portal.core.validators import mask_name, mask_personal_id


class ApplicantInline(admin.StackedInline):
    model = Applicant
    extra = 0
    min_num = 1
    fields = ("kind", "name", "personal_id", "birth_date", "phone", "email", "address")


class ClaimInline(admin.TabularInline):
    model = ClaimItem
    extra = 0
    fields = ("item", "amount")


class SessionFormSet(BaseInlineFormSet):
    """An outcome needs a session on or before its date: checked here, where the new sessions are known."""

    def clean(self):
        super().clean()
        dates = [
            form.cleaned_data["held_on"]
            for form in self.forms
            if form.cleaned_data.get("held_on") and not form.cleaned_data.get("DELETE")
        ]
        errors = outcome_errors(self.instance, session_dates=dates)
        if "status" in errors:
            raise ValidationError(errors["status"])


class SessionInline(admin.TabularInline):
    model = MediationSession
    formset = SessionFormSet
    extra = 0
    fields = ("held_on", "starts_at", "place", "attendees")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("download", "content_type", "size", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("檔案"))
    def download(self, attachment):
        url = reverse("admin:disputes_disputecase_attachment", args=[attachment.case_id, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


class ReopeningInline(admin.TabularInline):
    model = Reopening
    extra = 0
    fields = ("reopened_on", "previous_status", "previous_concluded_on", "reason", "created_by")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


# The fields a case's state is made of; the change form carries them, as the clerk saw them, in `seen_state`.
STATE_FIELDS = ("status", "concluded_on", "settled_amount")


class DisputeCaseForm(SeenStateForm, forms.ModelForm):
    categories = ChoiceListField(
        label=DisputeCase._meta.get_field("categories").verbose_name, choices=DisputeCategory.choices,
        help_text=_("可複選；主要爭議類別會自動列入。"),
    )
    reopen_reason = forms.CharField(
        label=_("重新開案或變更結果的理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("變更已結案案件的狀態或結果時必填，理由會保留在紀錄中。"),
    )
    regrade_reason = forms.CharField(
        label=_("變更類別或處理方式的理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("變更已受理案件的主要爭議類別或已分案案件的處理方式時必填，理由會保留在紀錄中。"),
    )
    state_fields = STATE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A case is handled by one of the section's own active staff.
        self.fields["handler"].queryset = get_user_model().objects.filter(
            is_active=True, groups__name=section("disputes").role).order_by("username")

    class Meta:
        model = DisputeCase
        fields = [
            "filed_via", "filed_on", "main_category", "categories", "account", "respondent_name",
            "respondent_business_number", "respondent_representative", "respondent_address", "respondent_phone",
            "status", "handler", "channel", "mediation_body", "assigned_on", "concluded_on", "settled_amount",
            "staff_notes",
        ]

    def clean(self):
        cleaned = super().clean()
        self.reopening = None
        if cleaned.get("main_category"):
            # The main category is always among the case's categories, as the filing and grading services keep it.
            cleaned["categories"] = sorted({*cleaned.get("categories", []), cleaned["main_category"]})
        # Only a saved case is re-graded (a new one has its UUID already, so pk says nothing); assigning a channel
        # to a case that has none is no re-grade and needs no reason.
        reason = (cleaned.get("regrade_reason") or "").strip()
        if not self.instance._state.adding and self.regraded(cleaned) and not reason:
            self.add_error("regrade_reason", _("變更主要爭議類別或處理方式須說明理由。"))
        # Someone may have changed the state since the form was opened (a citizen withdrew the case): the form is
        # checked against the case as read under the row lock (DisputeCaseAdmin.get_object).
        if not self.state_merged(cleaned):
            return cleaned
        was = self.initial.get("status")
        if self.instance.pk and was in OUTCOMES and self._outcome_changed(cleaned):
            reason = (cleaned.get("reopen_reason") or "").strip()
            if not reason:
                self.add_error("reopen_reason", _("已結案的案件須說明理由才能重新開案或變更結果。"))
            else:
                self.reopening = {"reason": reason, "previous_status": was,
                                  "previous_concluded_on": self.initial.get("concluded_on")}
                if cleaned.get("status") not in OUTCOMES:
                    # Reopened: the old outcome's date and amount are kept in the reopening record.
                    cleaned["concluded_on"], cleaned["settled_amount"] = None, None
        return cleaned

    def regraded(self, cleaned) -> bool:
        """Whether the clerk changed the main category, or moved the case from one channel to another."""
        was_channel = self.initial.get("channel")
        return cleaned.get("main_category") != self.initial.get("main_category") or bool(
            was_channel and "channel" in cleaned and cleaned["channel"] != was_channel)

    def _outcome_changed(self, cleaned) -> bool:
        return any(cleaned.get(name) != self.initial.get(name) for name in ("status", "concluded_on", "settled_amount"))


class QueueFilter(admin.SimpleListFilter):
    """The queue: new applications not yet assigned, oldest first."""

    title = _("待辦")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("new", _("待分案申請"))]

    def queryset(self, request, queryset):
        if self.value() == "new":
            return queryset.filter(status=DisputeStatus.RECEIVED)
        return queryset


class MaskedPersonalDataMixin:
    @admin.display(description=_("申請人"))
    def applicants_masked(self, case):
        return "、".join(mask_name(applicant.name) for applicant in case.applicants.all())

    @admin.display(description=_("身分證號"))
    def personal_ids_masked(self, case):
        return "、".join(mask_personal_id(applicant.personal_id) for applicant in case.applicants.all())


@admin.register(DisputeCase)
class DisputeCaseAdmin(PersonalDataAdminMixin, MaskedPersonalDataMixin, BureauRecordAdmin):
    form = DisputeCaseForm
    list_display = ("case_number", "filed_on", "applicants_masked", "personal_ids_masked", "respondent_name",
                    "main_category", "channel", "status", "concluded_on")
    list_filter = (QueueFilter, "status", ("handler", admin.RelatedOnlyFieldListFilter), "channel", "main_category",
                   "filed_via")
    search_fields = ("case_number", "respondent_name", "respondent_business_number")
    personal_search_fields = ("applicants__name", "applicants__personal_id")
    search_help_text = _("案件編號、對造名稱或統一編號，或申請人的完整姓名或身分證號（依個資法記錄查詢）。")
    date_hierarchy = "filed_on"
    inlines = (ApplicantInline, ClaimInline, SessionInline, AttachmentInline, ReopeningInline)
    masked_export_filename = "disputes.csv"
    masked_export_columns = (
        ("案件編號", "case_number"), ("受理日期", "filed_on"), ("申請人", "applicants_masked"),
        ("身分證號", "personal_ids_masked"), ("對造", "respondent_name"), ("主要爭議類別", "get_main_category_display"),
        ("處理方式", "get_channel_display"), ("狀態", "get_status_display"), ("結案日期", "concluded_on"),
    )
    readonly_fields = ("case_number", *BureauRecordAdmin.readonly_fields)
    fieldsets = (
        (_("受理"), {"fields": ("case_number", "filed_via", "filed_on")}),
        (_("爭議內容"), {"fields": ("main_category", "categories", "account")}),
        (_("對造"), {"fields": ("respondent_name", "respondent_business_number", "respondent_representative",
                              "respondent_address", "respondent_phone")}),
        (_("分案與結果"), {"fields": ("status", "handler", "channel", "mediation_body", "assigned_on", "concluded_on",
                                  "settled_amount", "reopen_reason", "regrade_reason", "staff_notes",
                                  "seen_state")}),
        (_("紀錄"), {"classes": ("collapse",), "fields": BureauRecordAdmin.readonly_fields}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("applicants")

    def get_ordering(self, request):
        if request.GET.get(QueueFilter.parameter_name):
            return ("filed_on", "case_number")  # the queue: first come, first served
        return super().get_ordering(request)

    def get_changeform_initial_data(self, request):
        return {"filed_via": FiledVia.PAPER, **super().get_changeform_initial_data(request)}

    def get_object(self, request, object_id, from_field=None):
        case = super().get_object(request, object_id, from_field)
        if case is not None and request.method == "POST":
            # A save reads the case again under its row lock, held (the admin's view is one transaction) until
            # the save commits: the form is checked against the state as it is now, and a citizen's withdrawal
            # or another clerk's save waits rather than being overwritten.
            case = DisputeCase.objects.select_for_update().get(pk=case.pk)
        return case

    def save_model(self, request, obj, form, change):
        if not change:
            # A paper application: it gets its number and access code as an online one does.
            code = services.access_code_for_token(secrets.token_urlsafe(32))
            obj.case_number = services.case_number_next(filed_on=obj.filed_on)
            obj.access_code_hash = services.access_code_hash(code)
            messages.warning(request, _("案件 %(number)s 的查詢碼：%(code)s（只顯示這一次，請交給申請人）") % {
                "number": obj.case_number, "code": code})
        if change:
            # The grading goes through the grading log (the reports read it at a period's end): the case is put
            # back as the form found it under the row lock, and changed by the service. A first channel counts
            # from the assignment date, like the state change to 已分案.
            graded = {"main_category": obj.main_category, "channel": obj.channel}
            obj.main_category, obj.channel = form.initial.get("main_category"), form.initial.get("channel") or ""
            services.dispute_case_grading_change(
                obj, **graded, user=request.user, reason=form.cleaned_data.get("regrade_reason") or "",
                on=obj.assigned_on if graded["channel"] and not obj.channel else None,
            )
            services.dispute_case_staff_change(
                case=obj, previous={name: form.initial.get(name) for name in STATE_FIELDS},
                reopen_reason=(form.reopening or {}).get("reason", ""), user=request.user,
            )
            return
        if obj.pk is None:
            # The inline formsets of an unsaved case blank its default id (Django's BaseInlineFormSet); the log
            # rows are written before the case, so it takes its id now, as save() would.
            obj.pk = DisputeCase._meta.pk.get_default()
        services.dispute_case_paper_state_start(case=obj, user=request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            # A paper application gets the confirmation an online one gets, once its applicants (and so their
            # e-mail addresses) are saved; it goes out after the admin's transaction commits.
            services.dispute_case_confirmation_queue(case=form.instance)

    def get_urls(self):
        download = self.admin_site.admin_view(self.attachment_view)
        return [
            path("<uuid:case_id>/attachments/<uuid:attachment_id>/", download,
                 name="disputes_disputecase_attachment"),
            *super().get_urls(),
        ]

    def attachment_view(self, request, case_id, attachment_id):
        case = get_object_or_404(DisputeCase, pk=case_id)
        if not self.has_view_permission(request, case):
            raise PermissionDenied
        self.record_shown(request, case, PersonalDataPage.ATTACHMENT)
        return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))

    def masked_export_queryset(self, queryset):
        return queryset.prefetch_related("applicants").order_by("filed_on", "case_number")


@admin.register(RightsFundApplication)
class RightsFundApplicationAdmin(PersonalDataAdminMixin, BureauRecordAdmin):
    list_display = ("applied_on", "kind", "applicant_masked", "dispute_case", "persons_covered", "decision",
                    "decided_on", "amount_granted")
    list_filter = ("kind", "decision")
    list_select_related = ("dispute_case",)
    search_fields = ("dispute_case__case_number",)
    personal_search_fields = ("applicant_name",)
    date_hierarchy = "applied_on"
    raw_id_fields = ("dispute_case",)
    masked_export_filename = "rights-fund.csv"
    masked_export_columns = (
        ("申請日期", "applied_on"), ("補助類別", "get_kind_display"), ("申請人", "applicant_masked"),
        ("勞資爭議調解案件", "dispute_case"), ("補助人數", "persons_covered"), ("審核結果", "get_decision_display"),
        ("審核日期", "decided_on"), ("核定補助金額(元)", "amount_granted"),
    )

    def masked_export_queryset(self, queryset):
        return queryset.select_related("dispute_case").order_by("applied_on", "pk")

    @admin.display(description=_("申請人"))
    def applicant_masked(self, application):
        return mask_name(application.applicant_name)

    def save_model(self, request, obj, form, change):
        # The decision is a logged state (the fund's report reads it as it stood at a period's end).
        previous = FundDecision.PENDING
        if change:
            previous = RightsFundApplication.objects.select_for_update().values_list("decision", flat=True).get(
                pk=obj.pk)
        super().save_model(request, obj, form, change)
        services.rights_fund_decision_log(application=obj, previous=previous, user=request.user)
