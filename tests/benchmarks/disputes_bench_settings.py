"""Settings for the disputes load benchmark: production settings plus what a single load client needs.

All requests come from one IP address, so the per-IP filing limit is raised (the limiter still runs, with
its Redis round trip); static files are served unhashed so that no collectstatic run is needed.
The floor endpoint (/bench-floor/, tests/benchmarks/floor) exists in these settings only.
"""

from labor_portal.settings import *  # noqa: F403

RATE_LIMITS = {"disputes.apply": "1000000/m",
               **{f"employment_{form}.apply": "1000000/m" for form in ("discrimination", "harassment", "scam")}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
INSTALLED_APPS = [*INSTALLED_APPS, "tests.benchmarks.floor"]  # noqa: F405
ROOT_URLCONF = "tests.benchmarks.floor.urls"
