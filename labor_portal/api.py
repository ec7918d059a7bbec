"""The API's one router: each section registers its viewsets here, under /api/v1/."""

from rest_framework.routers import DefaultRouter

from disputes.api import DisputeCaseViewSet, RightsFundApplicationViewSet
from inspections import api as inspections_api
from labor_portal.reporting.api import ReportRunViewSet
from unions.api import StatutoryMeetingViewSet, UnionViewSet

router = DefaultRouter()
router.register("reports/runs", ReportRunViewSet, basename="reportrun")
router.register("unions/unions", UnionViewSet, basename="union")
router.register("unions/meetings", StatutoryMeetingViewSet, basename="statutorymeeting")
router.register("disputes/cases", DisputeCaseViewSet, basename="disputecase")
router.register("disputes/rights-fund-applications", RightsFundApplicationViewSet, basename="rightsfundapplication")
for prefix, viewset in (
    ("inspections/establishments", inspections_api.EstablishmentViewSet),
    ("inspections/labor-inspections", inspections_api.LaborInspectionViewSet),
    ("inspections/compliance-counselling", inspections_api.ComplianceCounsellingViewSet),
    ("inspections/violations", inspections_api.ViolationViewSet),
    ("inspections/osh-inspections", inspections_api.OSHInspectionViewSet),
    ("inspections/stop-work-orders", inspections_api.StopWorkOrderViewSet),
    ("inspections/accidents", inspections_api.OccupationalAccidentViewSet),
    ("inspections/promotion-sessions", inspections_api.PromotionSessionViewSet),
    ("inspections/volunteers", inspections_api.VolunteerViewSet),
    ("inspections/sme-visits", inspections_api.SMECounsellingVisitViewSet),
    ("inspections/safety-families", inspections_api.SafetyFamilyViewSet),
    ("inspections/safety-family-members", inspections_api.SafetyFamilyMemberViewSet),
):
    router.register(prefix, viewset, basename=prefix.replace("/", "-"))
router.register("violation-register", inspections_api.ViolationRegisterViewSet, basename="violation-register")
