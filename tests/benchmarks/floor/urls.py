"""The portal's URLs plus the benchmark's floor endpoint (ROOT_URLCONF of the benchmark settings only)."""

from django.urls import include, path

from tests.benchmarks.floor import views

floor_patterns = ([path("", views.floor, name="form"), path("done/", views.done, name="done")], "bench_floor")

urlpatterns = [
    path("bench-floor/", include(floor_patterns)),
    path("", include("labor_portal.urls")),
]

handler500 = "labor_portal.core.views.server_error"
