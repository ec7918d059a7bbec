"""Item 3 of issue 8: after `kill -9` of the worker generating a report, another worker takes the run over
within about a minute (its lease passed and beat requeued it) and finishes it."""

import time

from labor_portal.reporting.models import ReportRun
from tests.drills.support import DRILL, wait_until

pytestmark = DRILL

# 44 report steps, twice (the half-year, then the same half of the year before for the comparisons): a run
# lasts about 22 s, long enough to kill its worker in the middle.
STEP_SECONDS = 0.25


def test_item3_a_run_whose_worker_was_killed_is_finished_by_another_worker_within_90_seconds(processes):
    slow = {"DRILL_REPORT_STEP_SECONDS": str(STEP_SECONDS)}
    first = processes.worker("first", **slow)
    processes.wait_ready(first)
    processes.beat()
    run_id = processes.run_python(
        "from labor_portal.core.periods import HalfYear; from labor_portal.reporting.services import "
        "report_run_start; print(report_run_start(period=HalfYear(2020, 1), requested_by=None).pk)"
    )
    assert wait_until(lambda: ReportRun.objects.get(pk=run_id).progress >= 25, timeout=60)

    processes.kill9(first)
    killed_at = time.monotonic()
    assert ReportRun.objects.get(pk=run_id).status == ReportRun.Status.RUNNING
    processes.worker("second", **slow)  # the restarted container

    assert wait_until(lambda: ReportRun.objects.get(pk=run_id).attempts == 2, timeout=120, interval=0.5)
    takeover = time.monotonic() - killed_at
    assert wait_until(lambda: ReportRun.objects.get(pk=run_id).is_finished, timeout=120, interval=0.5)
    finished = time.monotonic() - killed_at

    run = ReportRun.objects.get(pk=run_id)
    assert (run.status, run.progress, run.attempts) == (ReportRun.Status.DONE, 100, 2), run.error
    assert run.snapshot["period"]["label_zh"] == "109年1月至6月"
    assert takeover < 70, f"taken over {takeover:.0f} s after kill -9"
    assert finished < 90, f"finished {finished:.0f} s after kill -9"
    print(f"drill: run taken over {takeover:.1f} s and finished {finished:.1f} s after kill -9")
