"""Read-only API of dispute cases and fund applications (staff of 勞資關係科 only).

Personal data is masked in lists; one record's detail shows it in full and logs the read. Cases change through
disputes.services (the admin and the citizen pages), never through the API.
"""

import django_filters
from rest_framework import serializers

from disputes.models import Applicant, DisputeCase, DisputeCategory, RightsFundApplication
from disputes.selectors import dispute_case_list, rights_fund_application_list
from labor_portal.core.api import SectionReadOnlyViewSet, model_serializer
from labor_portal.core.validators import mask_name, mask_personal_id

ApplicantSerializer = model_serializer(
    Applicant, ["kind", "name", "personal_id"], masked={"name": mask_name, "personal_id": mask_personal_id})


class DisputeCaseFilter(django_filters.FilterSet):
    filed_after = django_filters.DateFilter(field_name="filed_on", lookup_expr="gte", label="受理日期起")
    filed_before = django_filters.DateFilter(field_name="filed_on", lookup_expr="lte", label="受理日期迄")
    category = django_filters.ChoiceFilter(choices=DisputeCategory.choices, method="filter_category", label="爭議類別")
    main_category = django_filters.ChoiceFilter(choices=DisputeCategory.choices, label="主要爭議類別")

    class Meta:
        model = DisputeCase
        fields = ["status", "channel", "category", "main_category", "filed_via"]

    def filter_category(self, queryset, name, value):
        # Any category the case concerns. The list is stored as JSON text; a quoted code cannot match part of
        # another code, and this lookup works on SQLite as on PostgreSQL.
        return queryset.filter(categories__icontains=f'"{value}"')


class DisputeCaseViewSet(SectionReadOnlyViewSet):
    queryset = dispute_case_list().order_by("-filed_on", "-case_number")
    serializer_class = model_serializer(
        DisputeCase,
        ["id", "case_number", "filed_via", "filed_on", "main_category", "categories", "respondent_name",
         "respondent_business_number", "status", "channel", "mediation_body", "assigned_on", "concluded_on",
         "settled_amount", "applicants"],
        applicants=ApplicantSerializer(many=True, read_only=True),
    )
    filterset_class = DisputeCaseFilter
    search_fields = ["case_number", "respondent_name"]
    ordering_fields = ["filed_on", "case_number", "concluded_on"]


class RightsFundApplicationFilter(django_filters.FilterSet):
    applied_after = django_filters.DateFilter(field_name="applied_on", lookup_expr="gte")
    applied_before = django_filters.DateFilter(field_name="applied_on", lookup_expr="lte")

    class Meta:
        model = RightsFundApplication
        fields = ["kind", "decision"]


class RightsFundApplicationViewSet(SectionReadOnlyViewSet):
    queryset = rights_fund_application_list().order_by("-applied_on", "-pk")
    serializer_class = model_serializer(
        RightsFundApplication,
        ["id", "kind", "dispute_case", "dispute_case_number", "applicant_name", "applicant_personal_id",
         "persons_covered", "registered_in_kaohsiung", "works_in_kaohsiung", "applied_on", "lawyer_fee_asked",
         "court_fee_asked", "living_cost_asked", "amount_asked", "decision", "decided_on", "amount_granted"],
        masked={"applicant_name": mask_name, "applicant_personal_id": mask_personal_id},
        # Null when the application has no mediation case (an unfair-labor-practice ruling): the schema says so.
        dispute_case_number=serializers.CharField(
            source="dispute_case.case_number", default=None, allow_null=True, read_only=True),
        amount_asked=serializers.IntegerField(read_only=True),
    )
    filterset_class = RightsFundApplicationFilter
    ordering_fields = ["applied_on", "decided_on"]


ROUTES = [
    ("disputes/cases", DisputeCaseViewSet, "disputecase"),
    ("disputes/rights-fund-applications", RightsFundApplicationViewSet, "rightsfundapplication"),
]
