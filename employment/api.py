"""API of the employment section (staff of 就業安全科 only): complaints, the review committee, seminars and scam
consultations.

Complaints change state only through employment.services (the admin and the citizen pages), and the committee's
decisions through employment.committee: both read-only here. The complainant's personal data (name, ID, phone,
e-mail, address) and the respondent's name are always masked; their account, birth date and the staff's notes
stay out of the API. Seminars and scam consultations are plain records staff enter: read and written.
"""

import django_filters
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent, build_choice_field
from rest_framework import serializers

from employment import api_job_centre, api_services
from employment.grounds import Ground
from employment.models import (
    AntiDiscriminationSeminar,
    CommitteeMeeting,
    CommitteeReview,
    ComplaintFiledVia,
    ComplaintStatus,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamComplaint,
    ScamConsultation,
)
from labor_portal.core.api import SectionReadOnlyViewSet, SectionViewSet, dated_filterset, model_serializer
from labor_portal.core.validators import mask_address, mask_email, mask_name, mask_personal_id, mask_phone

# The complainant as every kind of complaint shows it (ARCHITECTURE.md: masked in lists, exports and the API).
COMPLAINANT_MASKS = {
    "complainant_name": mask_name,
    "complainant_personal_id": mask_personal_id,
    "complainant_phone": mask_phone,
    "complainant_email": mask_email,
    "complainant_address": mask_address,
}
COMPLAINT_FIELDS = [
    "id", "case_number", "filed_via", "filed_on", "status", "status_display", *COMPLAINANT_MASKS,
    "employer_name", "employer_business_number", "employer_address", "employer_contact",
    "handler", "assigned_on", "investigation_due_on", "investigation_extended", "concluded_on",
]


class SharedChoiceField(serializers.ChoiceField):
    """A choice set the three kinds of complaint share (their status, how they were filed), documented once in the
    API docs as `<Choices>Enum` rather than under a name made up from a hash (SharedChoiceFieldExtension)."""

    def __init__(self, choices_class, **kwargs):
        self.enum_name = f"{choices_class.__name__}Enum"
        super().__init__(choices=choices_class.choices, **kwargs)


class SharedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = SharedChoiceField

    def map_serializer_field(self, auto_schema, direction):
        schema = {name: value for name, value in build_choice_field(self.target).items() if name != "x-spec-enum-id"}
        component = ResolvedComponent(name=self.target.enum_name, type=ResolvedComponent.SCHEMA,
                                      object=self.target.enum_name, schema=schema)
        auto_schema.registry.register_on_missing(component)
        return component.ref


def complaint_serializer(model, fields: list[str], masked=None) -> type:
    """A complaint's serializer: the fields every kind shares, then its own; the complainant always masked."""
    return model_serializer(
        model, [*COMPLAINT_FIELDS, *fields], masked={**COMPLAINANT_MASKS, **(masked or {})},
        status=SharedChoiceField(ComplaintStatus, read_only=True),
        filed_via=SharedChoiceField(ComplaintFiledVia, read_only=True),
        status_display=serializers.CharField(source="get_status_display", read_only=True),
    )


class ComplaintViewSet(SectionReadOnlyViewSet):
    """The shared settings of the three complaint lists: newest filing first, filtered by the filing date."""

    date_field = "filed_on"
    search_fields = ["case_number", "employer_name", "=employer_business_number"]
    ordering_fields = ["filed_on", "case_number", "concluded_on", "investigation_due_on"]


def _any_ground(queryset, name, value):
    # Any ground ticked, not only the main one. The list is stored as JSON text; a quoted code cannot match part of
    # another code, and this lookup works on SQLite as on PostgreSQL (as disputes' categories).
    return queryset.filter(grounds__icontains=f'"{value}"')


class DiscriminationComplaintViewSet(ComplaintViewSet):
    """就業歧視申訴案件（就業服務法第5條）：main_ground 為統計所計之主要事由，ground 篩選勾選之任一事由。"""

    queryset = DiscriminationComplaint.objects.order_by("-filed_on", "-case_number")
    serializer_class = complaint_serializer(
        DiscriminationComplaint,
        ["grounds", "main_ground", "other_acts", "offered_monthly_pay", "job_title", "incident_on", "incident_until"],
    )
    filterset_class = dated_filterset(
        DiscriminationComplaint, "filed_on", ["status", "main_ground", "filed_via"],
        ground=django_filters.ChoiceFilter(choices=Ground.choices, method=_any_ground, label="歧視事由（任一）"),
    )


class HarassmentComplaintViewSet(ComplaintViewSet):
    """職場性騷擾申訴案件（性別平等工作法第32條之1）：appears_late 為申訴時已逾當時施行之期限。"""

    queryset = HarassmentComplaint.objects.order_by("-filed_on", "-case_number")
    serializer_class = complaint_serializer(
        HarassmentComplaint,
        ["complainant_role", "route", "respondent_name", "respondent_title", "respondent_is_top_manager",
         "respondent_abused_power", "victim_was_minor", "act_ended_on", "learned_on", "left_job_on",
         "filing_deadline", "deadline_basis", "appears_late"],
        masked={"respondent_name": mask_name},  # the respondent is a person too
    )
    filterset_fields = ["status", "route", "complainant_role", "appears_late", "filed_via"]


class ScamComplaintViewSet(ComplaintViewSet):
    """求職防騙及不實廣告申訴案件（就業服務法第5條第2項第1款、第40條）。"""

    queryset = ScamComplaint.objects.order_by("-filed_on", "-case_number")
    serializer_class = complaint_serializer(
        ScamComplaint, ["ad_text", "ad_url", "ad_source", "incident_on", "loss_amount"])
    filterset_fields = ["status", "ad_source", "filed_via"]


# --- Records staff enter: read and written ----------------------------------------------------------------


class ScamConsultationViewSet(SectionViewSet):
    """求職防騙諮詢：提供諮詢，非申訴案件。"""

    queryset = ScamConsultation.objects.order_by("-consulted_on", "-pk")
    date_field = "consulted_on"
    filterset_fields = ["channel", "topic"]
    search_fields = ["notes"]


class AntiDiscriminationSeminarViewSet(SectionViewSet):
    """防制就業歧視促進性別平等宣導會。"""

    queryset = AntiDiscriminationSeminar.objects.order_by("-held_on", "-pk")
    date_field = "held_on"
    # At least one session (the table's check constraint, which the model's clean() does not repeat): a 400
    # naming the field, not the database's refusal.
    serializer_class = model_serializer(
        AntiDiscriminationSeminar, None, sessions=serializers.IntegerField(min_value=1, max_value=32767, default=1))
    search_fields = ["title", "place"]


# --- The review committee: decided in the admin (employment.committee), read here ---------------------------


class CommitteeMeetingViewSet(SectionReadOnlyViewSet):
    """就業歧視評議委員會會議：members_present 為出席委員。"""

    queryset = CommitteeMeeting.objects.prefetch_related("members_present").order_by("-held_on", "-pk")
    date_field = "held_on"
    fields = ["id", "title", "held_on", "place", "members_present", "minutes"]
    search_fields = ["title"]


class CommitteeReviewViewSet(SectionReadOnlyViewSet):
    """評議案件：會議之議程及評議結果（成立者之罰鍰、是否公布雇主名稱、處分確定日）。"""

    queryset = CommitteeReview.objects.select_related("meeting", "complaint").order_by("-meeting__held_on", "-pk")
    date_field = "meeting__held_on"
    serializer_class = model_serializer(
        CommitteeReview,
        ["id", "meeting", "held_on", "complaint", "case_number", "decision", "votes_substantiated",
         "votes_not_substantiated", "fine_amount", "publish_employer_name", "reasons", "decision_number",
         "final_on"],
        held_on=serializers.DateField(source="meeting.held_on", read_only=True),
        case_number=serializers.CharField(source="complaint.case_number", read_only=True),
    )
    filterset_fields = ["decision", "meeting", "publish_employer_name"]
    search_fields = ["complaint__case_number", "decision_number"]


ROUTES = [
    ("employment/discrimination-complaints", DiscriminationComplaintViewSet),
    ("employment/harassment-complaints", HarassmentComplaintViewSet),
    ("employment/scam-complaints", ScamComplaintViewSet),
    ("employment/scam-consultations", ScamConsultationViewSet),
    ("employment/anti-discrimination-seminars", AntiDiscriminationSeminarViewSet),
    ("employment/committee-meetings", CommitteeMeetingViewSet),
    ("employment/committee-reviews", CommitteeReviewViewSet),
    *api_services.ROUTES,
    *api_job_centre.ROUTES,
]
