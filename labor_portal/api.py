"""The API's one router: each section registers its viewsets here, under /api/v1/."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
