"""API of the inspections section (staff, section permissions) and the public violator register."""

import django_filters
from django.db import transaction
from rest_framework import serializers, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from inspections import services
from inspections.models import (
    ComplianceCounselling,
    Establishment,
    LaborInspection,
    OccupationalAccident,
    OSHInspection,
    PenaltyStatus,
    PromotionSession,
    SafetyFamily,
    SafetyFamilyMember,
    SMECounsellingVisit,
    StopWorkOrder,
    Violation,
    Volunteer,
)
from inspections.selectors import register_entries
from labor_portal.core.api import SectionViewSet


class EstablishmentViewSet(SectionViewSet):
    queryset = Establishment.objects.order_by("name", "id")
    filterset_fields = ["business_number", "industry", "district"]
    search_fields = ["name", "=business_number"]


# Each record type newest first, its establishment joined (one query a page), filtered by its own date.


class LaborInspectionViewSet(SectionViewSet):
    queryset = LaborInspection.objects.select_related("establishment").order_by("-inspected_on", "-id")
    date_field = "inspected_on"
    filterset_fields = ["establishment", "kind"]


class ComplianceCounsellingViewSet(SectionViewSet):
    queryset = ComplianceCounselling.objects.select_related("establishment").order_by("-visited_on", "-id")
    date_field = "visited_on"
    filterset_fields = ["establishment"]


class OSHInspectionViewSet(SectionViewSet):
    queryset = OSHInspection.objects.select_related("establishment").order_by("-inspected_on", "-id")
    date_field = "inspected_on"
    filterset_fields = ["establishment", "kind"]


class StopWorkOrderViewSet(SectionViewSet):
    queryset = StopWorkOrder.objects.order_by("-ordered_on", "-id")
    date_field = "ordered_on"
    filterset_fields = ["inspection", "inspection__establishment"]


class OccupationalAccidentViewSet(SectionViewSet):
    queryset = OccupationalAccident.objects.select_related("establishment").order_by("-occurred_on", "-id")
    date_field = "occurred_on"
    filterset_fields = ["establishment", "district"]


class PromotionSessionViewSet(SectionViewSet):
    queryset = PromotionSession.objects.order_by("-held_on", "-id")
    date_field = "held_on"
    filterset_fields = ["topic", "channel"]


class VolunteerViewSet(SectionViewSet):
    queryset = Volunteer.objects.order_by("-recruited_on", "-id")
    date_field = "recruited_on"


class SMECounsellingVisitViewSet(SectionViewSet):
    queryset = SMECounsellingVisit.objects.select_related("establishment").order_by("-visited_on", "-id")
    date_field = "visited_on"
    filterset_fields = ["establishment", "volunteer"]


class SafetyFamilyViewSet(SectionViewSet):
    queryset = SafetyFamily.objects.order_by("-founded_on", "-id")
    date_field = "founded_on"
    filterset_fields = ["lead_establishment"]


class SafetyFamilyMemberViewSet(SectionViewSet):
    queryset = SafetyFamilyMember.objects.order_by("-joined_on", "-id")
    date_field = "joined_on"
    filterset_fields = ["family", "establishment"]


class ViolationFilterSet(django_filters.FilterSet):
    date = django_filters.DateFromToRangeFilter(field_name="decided_on")
    final = django_filters.BooleanFilter(method="filter_final", label="處分確定")
    business_number = django_filters.CharFilter(field_name="establishment__business_number")

    class Meta:
        model = Violation
        fields = ["establishment", "business_number", "law", "article", "status", "inspection", "osh_inspection"]

    def filter_final(self, queryset, name, value):
        return queryset.final() if value else queryset.exclude(status=PenaltyStatus.FINAL)


class ViolationViewSet(SectionViewSet):
    queryset = Violation.objects.order_by("-decided_on", "-id")
    filterset_class = ViolationFilterSet
    ordering_fields = ["decided_on", "article"]

    # The status is a logged state (the penalty tables read it as it stood at a period's end): it starts and
    # changes through inspections.services, in the request's transaction, under the row lock.

    def perform_create(self, serializer):
        with transaction.atomic():
            super().perform_create(serializer)
            services.violation_status_log_start(violation=serializer.instance, user=self.request.user)

    def perform_update(self, serializer):
        to_state = serializer.validated_data.pop("status", None)
        with transaction.atomic():
            violation = services.violation_status_lock(violation=serializer.instance)
            if to_state is not None and to_state != violation.status:
                services.violation_status_change(violation=violation, to_state=to_state, user=self.request.user)
            super().perform_update(serializer)


# --- The public violator register -------------------------------------------------------------------


class RegisterEntrySerializer(serializers.Serializer):
    """Only what the law lets the bureau publish: the establishment, its responsible person, the penalty."""

    establishment = serializers.CharField(source="establishment.name")
    business_number = serializers.CharField(source="establishment.business_number")
    responsible_person = serializers.CharField(source="establishment.responsible_person")
    law = serializers.CharField(source="get_law_display")
    article = serializers.CharField(source="article_label")
    article_meaning = serializers.CharField()
    decision_number = serializers.CharField()
    decided_on = serializers.DateField()
    fine = serializers.IntegerField()


class RegisterFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="事業單位名稱或統一編號")
    date = django_filters.DateFromToRangeFilter(field_name="decided_on")

    class Meta:
        model = Violation
        fields = ["law", "article"]

    def search(self, queryset, name, value):
        return register_entries(queryset, query=value)


class RegisterPagination(CursorPagination):
    # No COUNT over every final penalty: a cursor pages the newest-first index directly.
    page_size = 50
    ordering = ("-decided_on", "-id")


class RegisterThrottle(AnonRateThrottle):
    rate = "120/min"

    def allow_request(self, request, view):
        # As for the site's other rate limits: when the cache (Redis) is down, let the request through.
        try:
            return super().allow_request(request, view)
        except Exception:  # noqa: BLE001 - any cache failure
            return True


class ViolationRegisterViewSet(viewsets.ReadOnlyModelViewSet):
    """違反勞動法令事業單位: final penalties only, for anyone, without personal data beyond the responsible person."""

    queryset = register_entries(Violation.objects.all())
    serializer_class = RegisterEntrySerializer
    filterset_class = RegisterFilterSet
    pagination_class = RegisterPagination
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [RegisterThrottle]
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend]


ROUTES = [
    ("inspections/establishments", EstablishmentViewSet),
    ("inspections/labor-inspections", LaborInspectionViewSet),
    ("inspections/compliance-counselling", ComplianceCounsellingViewSet),
    ("inspections/violations", ViolationViewSet),
    ("inspections/osh-inspections", OSHInspectionViewSet),
    ("inspections/stop-work-orders", StopWorkOrderViewSet),
    ("inspections/accidents", OccupationalAccidentViewSet),
    ("inspections/promotion-sessions", PromotionSessionViewSet),
    ("inspections/volunteers", VolunteerViewSet),
    ("inspections/sme-visits", SMECounsellingVisitViewSet),
    ("inspections/safety-families", SafetyFamilyViewSet),
    ("inspections/safety-family-members", SafetyFamilyMemberViewSet),
    ("violation-register", ViolationRegisterViewSet),
]
