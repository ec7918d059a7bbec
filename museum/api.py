"""API of the museum (staff of 勞工博物館 only): exhibitions, slots, daily visitor counts and grants are kept
here too; bookings change through museum.services (the booking pages and the admin), so they are read-only."""

from labor_portal.core.api import SectionReadOnlyViewSet, SectionViewSet
from labor_portal.core.validators import mask_name
from museum.models import Exhibition, GroupVisitBooking, MuseumGrant, VisitorCount, VisitSlot


class ExhibitionViewSet(SectionViewSet):
    queryset = Exhibition.objects.order_by("-starts_on", "pk")
    date_field = "starts_on"
    filterset_fields = ["kind", "published"]


class VisitSlotViewSet(SectionViewSet):
    queryset = VisitSlot.objects.order_by("day", "starts_at")
    date_field = "day"
    fields = ["id", "day", "starts_at", "capacity", "note"]


class GroupVisitBookingViewSet(SectionReadOnlyViewSet):
    queryset = GroupVisitBooking.objects.select_related("slot").order_by("-booked_on", "case_number")
    date_field = "booked_on"
    fields = ["id", "case_number", "slot", "group_kind", "group_name", "group_size", "contact_name",
              "accessibility", "accessibility_note", "status", "booked_on", "attended_count"]
    masked = {"contact_name": mask_name}
    filterset_fields = ["status", "group_kind", "slot"]


class VisitorCountViewSet(SectionViewSet):
    queryset = VisitorCount.objects.order_by("-day", "kind")
    date_field = "day"
    fields = ["id", "day", "kind", "visitors"]
    filterset_fields = ["kind"]


class MuseumGrantViewSet(SectionViewSet):
    queryset = MuseumGrant.objects.order_by("-approved_on", "pk")
    date_field = "approved_on"
    fields = ["id", "kind", "programme", "approved_on", "amount"]
    filterset_fields = ["kind"]


ROUTES = [
    ("museum/exhibitions", ExhibitionViewSet, "exhibition"),
    ("museum/visit-slots", VisitSlotViewSet, "visitslot"),
    ("museum/bookings", GroupVisitBookingViewSet, "groupvisitbooking"),
    ("museum/visitor-counts", VisitorCountViewSet, "visitorcount"),
    ("museum/grants", MuseumGrantViewSet, "museumgrant"),
]
