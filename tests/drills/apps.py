"""Drill-only hooks, installed by tests/drills/drill_settings.py and nowhere else."""

import os
import time

from django.apps import AppConfig


class DrillHooksConfig(AppConfig):
    name = "tests.drills"
    label = "drills"

    def ready(self):
        if seconds := float(os.environ.get("DRILL_REPORT_STEP_SECONDS", "0")):
            _slow_down_report_tables(seconds)


def _slow_down_report_tables(seconds: float) -> None:
    """Each report table takes `seconds`: a run lasts long enough to kill its worker mid-run."""
    from labor_portal.reporting import services

    compute = services.report_compute

    def slow_compute(period, on_step=None):
        def step(done, total):
            time.sleep(seconds)
            if on_step:
                on_step(done, total)

        return compute(period, on_step=step)

    services.report_compute = slow_compute
