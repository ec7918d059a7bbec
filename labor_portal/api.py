"""The API's one router, under /api/v1/: the report runs, and every section's ROUTES (from its api.py).

A section's `api.py` is found as its reports.py is (core.sections.section_modules); adding one needs no change
here. ROUTES lists (prefix, viewset) or (prefix, viewset, basename) pairs, prefixes relative to /api/v1/;
the basename, which names the URLs (`<basename>-list`, `<basename>-detail`), is the prefix with "-" for "/".
"""

from rest_framework.routers import DefaultRouter

from labor_portal.core.sections import section_modules
from labor_portal.reporting.api import ReportRunViewSet


def section_routes() -> list[tuple[str, type, str]]:
    """(prefix, viewset, basename) of every section's ROUTES, in the sections' order."""
    routes = []
    for _config, module in section_modules("api"):
        for prefix, viewset, *basename in getattr(module, "ROUTES", ()):
            routes.append((prefix, viewset, basename[0] if basename else prefix.replace("/", "-")))
    return routes


def build_router() -> DefaultRouter:
    router = DefaultRouter()
    router.register("reports/runs", ReportRunViewSet, basename="reportrun")
    for prefix, viewset, basename in section_routes():
        router.register(prefix, viewset, basename=basename)
    return router


router = build_router()
