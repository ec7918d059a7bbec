"""API of the welfare section (staff of 福利科 only). Payments and bookings change through welfare.services (the
admin and the citizen pages), so they are read-only here; personal data is masked."""

from labor_portal.core.api import SectionReadOnlyViewSet, SectionViewSet
from labor_portal.core.validators import mask_name, mask_personal_id
from welfare.models import CondolenceCase, CondolencePayment, HallBooking, RentalHousingUnit


class CondolenceCaseViewSet(SectionReadOnlyViewSet):
    queryset = CondolenceCase.objects.order_by("-applied_on", "pk")
    date_field = "accident_on"
    fields = ["id", "worker_name", "personal_id", "employer", "accident_on", "accident_kind", "applied_on"]
    masked = {"worker_name": mask_name, "personal_id": mask_personal_id}
    filterset_fields = ["accident_kind"]


class CondolencePaymentViewSet(SectionReadOnlyViewSet):
    queryset = CondolencePayment.objects.order_by("-graded_on", "pk")
    date_field = "graded_on"
    fields = ["id", "case", "category", "grade", "graded_on", "band_amount", "amount", "status", "approved_on",
              "paid_on"]
    filterset_fields = ["status", "category", "case"]


class RentalHousingUnitViewSet(SectionViewSet):
    queryset = RentalHousingUnit.objects.order_by("building", "unit_number")
    fields = ["id", "building", "unit_number", "address", "monthly_rent", "managed_from", "managed_until"]
    filterset_fields = ["building"]


class HallBookingViewSet(SectionReadOnlyViewSet):
    queryset = HallBooking.objects.select_related("facility").order_by("-use_on", "case_number")
    date_field = "use_on"
    fields = ["id", "case_number", "facility", "use_on", "slot", "people", "booker_name", "organisation", "status",
              "fee", "paid_amount", "paid_on", "attended_people"]
    masked = {"booker_name": mask_name}
    filterset_fields = ["status", "facility", "slot"]


ROUTES = [
    ("welfare/condolence-cases", CondolenceCaseViewSet, "condolencecase"),
    ("welfare/condolence-payments", CondolencePaymentViewSet, "condolencepayment"),
    ("welfare/rental-housing", RentalHousingUnitViewSet, "rentalhousingunit"),
    ("welfare/hall-bookings", HallBookingViewSet, "hallbooking"),
]
