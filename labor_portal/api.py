"""The API's one router: each section registers its viewsets here, under /api/v1/."""

from rest_framework.routers import DefaultRouter

from labor_portal.reporting.api import ReportRunViewSet
from unions.api import StatutoryMeetingViewSet, UnionViewSet

router = DefaultRouter()
router.register("reports/runs", ReportRunViewSet, basename="reportrun")
router.register("unions/unions", UnionViewSet, basename="union")
router.register("unions/meetings", StatutoryMeetingViewSet, basename="statutorymeeting")
