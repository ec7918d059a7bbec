"""API of the vocational-rehabilitation section (staff of 職業重建科 only): the quota register, reward
applications and clients' cases; clients' personal data always masked here (in full, read-logged, in the admin)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from disability_services import services
from disability_services.models import (
    Client,
    MonthlyRoster,
    QuotaEmployer,
    RehabilitationCase,
    RewardApplication,
    SupportedEmploymentCase,
)
from labor_portal.core.api import SectionReadOnlyViewSet, SectionViewSet, model_serializer
from labor_portal.core.validators import mask_name, mask_personal_id


class QuotaEmployerViewSet(SectionViewSet):
    queryset = QuotaEmployer.objects.order_by("pk")
    fields = ["id", "name", "business_number", "kind", "contact_name", "contact_phone"]
    filterset_fields = ["kind"]
    search_fields = ["name", "business_number"]


class MonthlyRosterViewSet(SectionViewSet):
    queryset = MonthlyRoster.objects.select_related("employer").order_by("-month", "pk")
    date_field = "month"
    filterset_fields = ["employer", "employer__kind"]
    fields = ["id", "employer", "month", "insured_headcount", "disabled", "severe", "part_timers",
              "severe_part_timers", "below_wage"]


class RewardApplicationViewSet(SectionReadOnlyViewSet):
    """Read only: applications are decided through the service (persons from the rosters, the dated rate)."""

    queryset = RewardApplication.objects.select_related("employer").order_by("-quarter_start", "pk")
    date_field = "quarter_start"
    filterset_fields = ["status", "employer"]
    serializer_class = model_serializer(
        RewardApplication,
        ["id", "employer", "employer_name", "quarter_start", "received_on", "status", "decided_on", "persons",
         "amount"],
        employer_name=serializers.CharField(source="employer.name", read_only=True),
    )


class ClientViewSet(SectionReadOnlyViewSet):
    """Names and ID numbers masked; health data (disability level and category) left out."""

    queryset = Client.objects.order_by("pk")
    serializer_class = model_serializer(
        Client, ["id", "name", "personal_id"],
        masked={"name": mask_name, "personal_id": mask_personal_id},
    )


class RehabilitationCaseViewSet(SectionViewSet):
    """Writes go through the services, as the admin's do: each stage change is logged."""

    queryset = RehabilitationCase.objects.order_by("-opened_on", "pk")
    date_field = "opened_on"
    filterset_fields = ["stage", "outcome"]
    fields = ["id", "client", "opened_on", "stage", "closed_on", "outcome", "manager"]

    def _case(self, serializer, instance=None) -> RehabilitationCase:
        case = instance or RehabilitationCase()
        for name, value in serializer.validated_data.items():
            setattr(case, name, value)
        try:
            case.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        return case

    def perform_create(self, serializer):
        serializer.instance = services.rehabilitation_case_create(case=self._case(serializer),
                                                                  user=self.request.user)

    def perform_update(self, serializer):
        serializer.instance = services.rehabilitation_case_staff_save(
            case=self._case(serializer, serializer.instance),
            stage_changed="stage" in serializer.validated_data, user=self.request.user)


class SupportedEmploymentCaseViewSet(SectionViewSet):
    queryset = SupportedEmploymentCase.objects.order_by("-opened_on", "pk")
    date_field = "opened_on"
    filterset_fields = ["programme"]
    fields = ["id", "client", "programme", "opened_on", "placed_on", "stable_on", "closed_on", "provider"]


ROUTES = [
    ("disability_services/employers", QuotaEmployerViewSet, "quotaemployer"),
    ("disability_services/rosters", MonthlyRosterViewSet, "monthlyroster"),
    ("disability_services/reward-applications", RewardApplicationViewSet, "rewardapplication"),
    ("disability_services/clients", ClientViewSet, "vrclient"),
    ("disability_services/rehabilitation-cases", RehabilitationCaseViewSet, "rehabilitationcase"),
    ("disability_services/supported-employment-cases", SupportedEmploymentCaseViewSet, "supportedemploymentcase"),
]
