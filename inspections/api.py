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
from labor_portal.core.api import BureauRecordViewSetMixin, ModelCleanMixin

RECORD_FIELDS_READ_ONLY = ("created_at", "updated_at")


def model_serializer(model_class):
    """A serializer of every field the staff enter; who entered it stays out of the API."""
    meta = type("Meta", (), {
        "model": model_class,
        "exclude": ("created_by", "updated_by"),
        "read_only_fields": RECORD_FIELDS_READ_ONLY,
    })
    bases = (ModelCleanMixin, serializers.ModelSerializer)
    return type(f"{model_class.__name__}Serializer", bases, {"Meta": meta})


def dated_filterset(model_class, date_field: str, fields: list[str], **declared):
    """Filters on `fields` plus a date range on `date_field` (?date_after=2020-01-01&date_before=2020-06-30)."""
    meta = type("Meta", (), {"model": model_class, "fields": fields})
    attributes = {"date": django_filters.DateFromToRangeFilter(field_name=date_field), "Meta": meta, **declared}
    return type(f"{model_class.__name__}FilterSet", (django_filters.FilterSet,), attributes)


class EstablishmentFilterSet(django_filters.FilterSet):
    class Meta:
        model = Establishment
        fields = ["business_number", "industry", "district"]


class ViolationFilterSet(django_filters.FilterSet):
    date = django_filters.DateFromToRangeFilter(field_name="decided_on")
    final = django_filters.BooleanFilter(method="filter_final", label="處分確定")
    business_number = django_filters.CharFilter(field_name="establishment__business_number")

    class Meta:
        model = Violation
        fields = ["establishment", "business_number", "law", "article", "status", "inspection", "osh_inspection"]

    def filter_final(self, queryset, name, value):
        return queryset.final() if value else queryset.exclude(status=PenaltyStatus.FINAL)


class EstablishmentViewSet(BureauRecordViewSetMixin, viewsets.ModelViewSet):
    queryset = Establishment.objects.order_by("name", "id")
    serializer_class = model_serializer(Establishment)
    filterset_class = EstablishmentFilterSet
    search_fields = ["name", "=business_number"]


def section_viewset(model_class, date_field: str, filter_fields: list[str], *, related=("establishment",)):
    """A staff viewset of one record type, newest first, its related rows joined (one query a page)."""
    return type(f"{model_class.__name__}ViewSet", (BureauRecordViewSetMixin, viewsets.ModelViewSet), {
        "queryset": model_class.objects.select_related(*related).order_by(f"-{date_field}", "-id"),
        "serializer_class": model_serializer(model_class),
        "filterset_class": dated_filterset(model_class, date_field, filter_fields),
        "ordering_fields": [date_field],
    })


LaborInspectionViewSet = section_viewset(LaborInspection, "inspected_on", ["establishment", "kind"])
ComplianceCounsellingViewSet = section_viewset(ComplianceCounselling, "visited_on", ["establishment"])
OSHInspectionViewSet = section_viewset(OSHInspection, "inspected_on", ["establishment", "kind"])
StopWorkOrderViewSet = section_viewset(
    StopWorkOrder, "ordered_on", ["inspection", "inspection__establishment"], related=())
OccupationalAccidentViewSet = section_viewset(OccupationalAccident, "occurred_on", ["establishment", "district"])
PromotionSessionViewSet = section_viewset(PromotionSession, "held_on", ["topic", "channel"], related=())
VolunteerViewSet = section_viewset(Volunteer, "recruited_on", [], related=())
SMECounsellingVisitViewSet = section_viewset(SMECounsellingVisit, "visited_on", ["establishment", "volunteer"])
SafetyFamilyViewSet = section_viewset(SafetyFamily, "founded_on", ["lead_establishment"], related=())
SafetyFamilyMemberViewSet = section_viewset(SafetyFamilyMember, "joined_on", ["family", "establishment"], related=())


class ViolationViewSet(BureauRecordViewSetMixin, viewsets.ModelViewSet):
    queryset = Violation.objects.order_by("-decided_on", "-id")
    serializer_class = model_serializer(Violation)
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
