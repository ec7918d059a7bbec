"""API of the migrant-workers section (staff of 外勞科, section permissions); personal data always masked."""

from labor_portal.core.api import SectionReadOnlyViewSet, SectionViewSet
from labor_portal.core.validators import mask_name
from migrant_workers.admin import mask_passport
from migrant_workers.models import (
    Consultation,
    Handout,
    Holiday,
    InspectionVisit,
    MigrantComplaint,
    OutreachEvent,
    Penalty,
    QuarantineCare,
    QuarantineCheck,
    ShelterStay,
    StatusNotification,
)


class InspectionVisitViewSet(SectionViewSet):
    queryset = InspectionVisit.objects.order_by("-visited_on", "-id")
    date_field = "visited_on"
    filterset_fields = ["category", "reason", "finding"]
    search_fields = ["=reference", "employer_name"]


class ConsultationViewSet(SectionViewSet):
    queryset = Consultation.objects.order_by("-held_on", "-id")
    date_field = "held_on"
    filterset_fields = ["topic", "channel", "nationality"]


class PenaltyViewSet(SectionViewSet):
    queryset = Penalty.objects.order_by("-decided_on", "-id")
    date_field = "decided_on"
    filterset_fields = ["article", "is_final"]


class StatusNotificationViewSet(SectionViewSet):
    """Notifications; the deadline (就業服務法第56條) and the late flag are computed on save, read-only."""

    queryset = StatusNotification.objects.order_by("-processed_on", "-id")
    date_field = "processed_on"
    filterset_fields = ["kind", "filed_late", "nationality"]
    masked = {"worker_name": mask_name, "passport_number": mask_passport}


class ShelterStayViewSet(SectionViewSet):
    queryset = ShelterStay.objects.order_by("-placed_on", "-id")
    date_field = "placed_on"
    filterset_fields = ["nationality"]
    masked = {"worker_name": mask_name}


class OutreachEventViewSet(SectionViewSet):
    queryset = OutreachEvent.objects.order_by("-held_on", "-id")
    date_field = "held_on"
    filterset_fields = ["kind"]


class QuarantineCheckViewSet(SectionViewSet):
    queryset = QuarantineCheck.objects.order_by("-received_on", "-id")
    date_field = "received_on"
    filterset_fields = ["outcome"]


class HandoutViewSet(SectionViewSet):
    queryset = Handout.objects.order_by("-given_on", "-id")
    date_field = "given_on"
    filterset_fields = ["kind"]


class QuarantineCareViewSet(SectionViewSet):
    queryset = QuarantineCare.objects.order_by("-cared_on", "-id")
    date_field = "cared_on"
    filterset_fields = ["kind", "nationality"]
    masked = {"worker_name": mask_name}


class HolidayViewSet(SectionViewSet):
    queryset = Holiday.objects.order_by("day")
    date_field = "day"
    filterset_fields = ["is_workday"]


class ComplaintViewSet(SectionReadOnlyViewSet):
    """Workers' complaints, read-only: they are filed on the workers' form and moved on in the admin."""

    queryset = MigrantComplaint.objects.order_by("-filed_on", "case_number")
    date_field = "filed_on"
    filterset_fields = ["status", "topic", "urgent", "nationality"]
    fields = ["id", "case_number", "filed_on", "language", "status", "topic", "urgent", "worker_name", "nationality",
              "employer_name"]
    masked = {"worker_name": mask_name}


ROUTES = [
    ("migrant_workers/inspection-visits", InspectionVisitViewSet),
    ("migrant_workers/consultations", ConsultationViewSet),
    ("migrant_workers/penalties", PenaltyViewSet),
    ("migrant_workers/status-notifications", StatusNotificationViewSet),
    ("migrant_workers/shelter-stays", ShelterStayViewSet),
    ("migrant_workers/outreach-events", OutreachEventViewSet),
    ("migrant_workers/quarantine-checks", QuarantineCheckViewSet),
    ("migrant_workers/handouts", HandoutViewSet),
    ("migrant_workers/quarantine-care", QuarantineCareViewSet),
    ("migrant_workers/holidays", HolidayViewSet),
    ("migrant_workers/complaints", ComplaintViewSet),
]
