import django_filters
from rest_framework import serializers, viewsets

from labor_portal.core.api import BureauRecordViewSetMixin, ModelCleanMixin
from unions.models import StatutoryMeeting, Union, UnionType


class UnionSerializer(ModelCleanMixin, serializers.ModelSerializer):
    union_type_display = serializers.CharField(source="get_union_type_display", read_only=True)
    district_display = serializers.CharField(source="get_district_display", read_only=True)

    class Meta:
        model = Union
        fields = [
            "id", "name", "union_type", "union_type_display", "registration_number", "district", "district_display",
            "founded_on", "dissolved_on", "members",
        ]


class UnionFilter(django_filters.FilterSet):
    union_type = django_filters.ChoiceFilter(choices=UnionType.choices)
    active_on = django_filters.DateFilter(method="filter_active_on", label="active on (YYYY-MM-DD)")
    founded_after = django_filters.DateFilter(field_name="founded_on", lookup_expr="gte")
    founded_before = django_filters.DateFilter(field_name="founded_on", lookup_expr="lte")

    class Meta:
        model = Union
        fields = ["union_type", "district"]

    def filter_active_on(self, queryset, name, value):
        return queryset.active_on(value)


class UnionViewSet(BureauRecordViewSetMixin, viewsets.ModelViewSet):
    queryset = Union.objects.order_by("pk")
    serializer_class = UnionSerializer
    filterset_class = UnionFilter
    search_fields = ["name", "registration_number"]
    ordering_fields = ["founded_on", "name", "members"]


class StatutoryMeetingSerializer(ModelCleanMixin, serializers.ModelSerializer):
    union_name = serializers.CharField(source="union.name", read_only=True)

    class Meta:
        model = StatutoryMeeting
        fields = ["id", "union", "union_name", "kind", "held_on"]


class StatutoryMeetingViewSet(BureauRecordViewSetMixin, viewsets.ModelViewSet):
    queryset = StatutoryMeeting.objects.select_related("union").order_by("-held_on", "pk")
    serializer_class = StatutoryMeetingSerializer
    filterset_fields = {"kind": ["exact"], "union": ["exact"], "held_on": ["gte", "lte"]}
