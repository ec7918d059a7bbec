from django.apps import AppConfig


class FloorConfig(AppConfig):
    """Installed by tests/benchmarks/disputes_bench_settings.py only: never in production settings."""

    name = "tests.benchmarks.floor"
    label = "bench_floor"
    default_auto_field = "django.db.models.BigAutoField"
