"""Admin of the rights work around the complaints: the job-ad checker's phrases, the review committee (members,
meetings with their agenda and decisions), anti-discrimination seminars and scam consultations."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from employment.committee import meeting_attendance, review_apply
from employment.imports import AntiDiscriminationSeminarImport, ScamConsultationImport
from employment.models import (
    AntiDiscriminationSeminar,
    CommitteeMeeting,
    CommitteeMember,
    CommitteeReview,
    JobAdPhrase,
    ScamConsultation,
)
from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin


@admin.register(JobAdPhrase)
class JobAdPhraseAdmin(BureauRecordAdmin):
    list_display = ("phrase", "is_regex", "ground", "active")
    list_filter = ("ground", "active", "is_regex")
    search_fields = ("phrase", "explanation_zh", "explanation_en")
    list_editable = ("active",)


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(BureauRecordAdmin):
    list_display = ("name", "affiliation", "is_chair", "term_from", "term_to")
    list_filter = ("is_chair", "term_to")
    search_fields = ("name", "affiliation")


class CommitteeMeetingForm(forms.ModelForm):
    class Meta:
        model = CommitteeMeeting
        fields = ("title", "held_on", "place", "members_present", "minutes")
        widgets = {"members_present": forms.CheckboxSelectMultiple}

    def clean(self):
        cleaned = super().clean()
        held_on, present = cleaned.get("held_on"), cleaned.get("members_present")
        # The agenda's decisions on the same page are checked against the members ticked here, not yet saved
        # (employment.committee.meeting_attendance), even when this form has errors of its own.
        self.instance.present_member_ids = [member.pk for member in present or []]
        if held_on and present:
            out_of_term = [member.name for member in present if not member.term_from <= held_on <= member.term_to]
            if out_of_term:
                self.add_error("members_present", gettext("開會日不在任期內的委員不得列為出席：%(names)s") % {
                    "names": "、".join(out_of_term)})
        return cleaned


class CommitteeReviewForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # The inline's meeting is the one on the page (held_on and members being ticked), saved or not: the
        # review's own clean checks the decision against it.
        if isinstance(meeting := cleaned.get("meeting"), CommitteeMeeting):
            self.instance.meeting = meeting
        return cleaned


class CommitteeReviewInline(admin.TabularInline):
    """The meeting's agenda: the complaints referred to it and, once voted, each decision (checked against the
    attendance ticked on the same page: CommitteeMeetingAdmin.save_form)."""

    model = CommitteeReview
    form = CommitteeReviewForm
    extra = 0
    fields = ("complaint", "decision", "votes_substantiated", "votes_not_substantiated", "fine_amount",
              "publish_employer_name", "reasons")
    raw_id_fields = ("complaint",)


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(BureauRecordAdmin):
    form = CommitteeMeetingForm
    list_display = ("title", "held_on", "place", "attendance")
    search_fields = ("title", "place")
    date_hierarchy = "held_on"
    inlines = [CommitteeReviewInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members_present")

    @admin.display(description=_("出席／在任（法定人數）"))
    def attendance(self, meeting):
        counted = meeting_attendance(meeting)
        mark = gettext("足") if counted.has_quorum else gettext("不足")
        return f"{counted.present}／{counted.in_office}（{mark}）"

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is CommitteeReview:
            for review in [*formset.new_objects, *(review for review, _fields in formset.changed_objects)]:
                review_apply(review=review, user=request.user)


@admin.register(CommitteeReview)
class CommitteeReviewAdmin(BureauRecordAdmin):
    list_display = ("complaint", "meeting", "decision", "votes_substantiated", "votes_not_substantiated",
                    "fine_amount", "publish_employer_name")
    list_filter = ("decision", "publish_employer_name")
    list_select_related = ("meeting", "complaint")
    search_fields = ("complaint__case_number", "meeting__title")
    date_hierarchy = "meeting__held_on"
    raw_id_fields = ("complaint",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        review_apply(review=obj, user=request.user)


@admin.register(AntiDiscriminationSeminar)
class AntiDiscriminationSeminarAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = AntiDiscriminationSeminarImport()
    list_display = ("title", "held_on", "place", "sessions", "participants", "establishments")
    search_fields = ("title", "place")
    date_hierarchy = "held_on"


@admin.register(ScamConsultation)
class ScamConsultationAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = ScamConsultationImport()
    list_display = ("consulted_on", "channel", "topic")
    list_filter = ("channel", "topic")
    search_fields = ("notes",)
    date_hierarchy = "consulted_on"
