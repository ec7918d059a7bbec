"""Read-only API of dispute cases and fund applications; personal data is always masked here."""

import django_filters
from rest_framework import serializers, viewsets

from disputes.models import DisputeCase, DisputeCategory, RightsFundApplication
from disputes.selectors import dispute_case_list, rights_fund_application_list
from labor_portal.core.validators import mask_name, mask_personal_id


class MaskedApplicantSerializer(serializers.Serializer):
    kind = serializers.CharField()
    name = serializers.SerializerMethodField()
    personal_id = serializers.SerializerMethodField()

    def get_name(self, applicant) -> str:
        return mask_name(applicant.name)

    def get_personal_id(self, applicant) -> str:
        return mask_personal_id(applicant.personal_id)


class DisputeCaseSerializer(serializers.ModelSerializer):
    applicants = MaskedApplicantSerializer(many=True, read_only=True)

    class Meta:
        model = DisputeCase
        fields = [
            "id", "case_number", "filed_via", "filed_on", "main_category", "categories", "respondent_name",
            "respondent_business_number", "status", "channel", "mediation_body", "assigned_on", "concluded_on",
            "settled_amount", "applicants",
        ]


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


class DisputeCaseViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DisputeCaseSerializer
    filterset_class = DisputeCaseFilter
    search_fields = ["case_number", "respondent_name"]
    ordering_fields = ["filed_on", "case_number", "concluded_on"]

    def get_queryset(self):
        return dispute_case_list().order_by("-filed_on", "-case_number")


class RightsFundApplicationSerializer(serializers.ModelSerializer):
    applicant_name = serializers.SerializerMethodField()
    # Null when the application has no mediation case (an unfair-labor-practice ruling): the schema says so.
    dispute_case_number = serializers.CharField(
        source="dispute_case.case_number", default=None, allow_null=True, read_only=True)
    amount_asked = serializers.IntegerField(read_only=True)

    class Meta:
        model = RightsFundApplication
        fields = [
            "id", "kind", "dispute_case", "dispute_case_number", "applicant_name", "persons_covered",
            "registered_in_kaohsiung", "works_in_kaohsiung", "applied_on", "lawyer_fee_asked", "court_fee_asked",
            "living_cost_asked", "amount_asked", "decision", "decided_on", "amount_granted",
        ]

    def get_applicant_name(self, application) -> str:
        return mask_name(application.applicant_name)


class RightsFundApplicationFilter(django_filters.FilterSet):
    applied_after = django_filters.DateFilter(field_name="applied_on", lookup_expr="gte")
    applied_before = django_filters.DateFilter(field_name="applied_on", lookup_expr="lte")

    class Meta:
        model = RightsFundApplication
        fields = ["kind", "decision"]


class RightsFundApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RightsFundApplicationSerializer
    filterset_class = RightsFundApplicationFilter
    ordering_fields = ["applied_on", "decided_on"]

    def get_queryset(self):
        return rights_fund_application_list().order_by("-applied_on", "-pk")
