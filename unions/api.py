"""API of the labor-organisations section: unions and their statutory meetings (staff of 工會科 only)."""

import django_filters
from rest_framework import serializers

from labor_portal.core.api import SectionViewSet, model_serializer
from unions.models import StatutoryMeeting, Union, UnionType


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


class UnionViewSet(SectionViewSet):
    queryset = Union.objects.order_by("pk")
    serializer_class = model_serializer(
        Union,
        ["id", "name", "union_type", "union_type_display", "registration_number", "district", "district_display",
         "founded_on", "dissolved_on", "members"],
        union_type_display=serializers.CharField(source="get_union_type_display", read_only=True),
        district_display=serializers.CharField(source="get_district_display", read_only=True),
    )
    filterset_class = UnionFilter
    search_fields = ["name", "registration_number"]
    ordering_fields = ["founded_on", "name", "members"]


class StatutoryMeetingViewSet(SectionViewSet):
    queryset = StatutoryMeeting.objects.select_related("union").order_by("-held_on", "pk")
    serializer_class = model_serializer(
        StatutoryMeeting, ["id", "union", "union_name", "kind", "held_on"],
        union_name=serializers.CharField(source="union.name", read_only=True),
    )
    filterset_fields = {"kind": ["exact"], "union": ["exact"], "held_on": ["gte", "lte"]}


ROUTES = [
    ("unions/unions", UnionViewSet, "union"),
    ("unions/meetings", StatutoryMeetingViewSet, "statutorymeeting"),
]
