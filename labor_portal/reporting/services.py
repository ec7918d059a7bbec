"""Generating the half-year report: compute every table and indicator, then write the files."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from labor_portal.core.circuit import enqueue_unless_redis_down
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.registry import IndicatorGroup, registry
from labor_portal.reporting.workbook import render_workbook

logger = logging.getLogger(__name__)


def report_compute(period: HalfYear, on_step: Callable[[int, int], None] | None = None) -> dict:
    """Every table and indicator of the report for `period`, in the specification's JSON shape."""
    steps = registry.steps()
    snapshot = {"period": period.as_dict(), "tables": [], "indicators": []}
    for done, step in enumerate(steps, start=1):
        if isinstance(step, IndicatorGroup):
            snapshot["indicators"].extend(step.snapshot(period))
        else:
            snapshot["tables"].append(step.snapshot(period))
        if on_step:
            on_step(done, len(steps) + 1)  # the last step is writing the files
    return snapshot


def report_run_start(*, period: HalfYear, requested_by) -> ReportRun:
    run = ReportRun.objects.create(period=str(period), requested_by=requested_by)
    transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id) -> None:
    from labor_portal.reporting.tasks import generate_report_run

    # Not queued (Redis down): the run stays queued in the database and beat re-queues it.
    enqueue_unless_redis_down(generate_report_run, str(run_id))


def _stale_before():
    return timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def report_run_execute(*, run_id) -> bool:
    """Generate the run's report once. Returns False when another execution has it or it is finished."""
    claimed = (
        ReportRun.objects.filter(pk=run_id)
        .filter(Q(status=ReportRun.Status.QUEUED) | Q(status=ReportRun.Status.RUNNING, started_at__lt=_stale_before()))
        .update(status=ReportRun.Status.RUNNING, started_at=timezone.now(), error="", attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    run = ReportRun.objects.get(pk=run_id)
    try:
        snapshot = report_compute(run.half_year, on_step=lambda done, total: _advance(run_id, done * 100 // total))
        run.workbook.save(f"report-{run.period}-{run.pk}.xlsx", ContentFile(render_workbook(snapshot)), save=False)
    except Exception as exc:
        logger.exception("report run %s failed", run_id)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.FAILED, error=f"{type(exc).__name__}: {exc}", finished_at=timezone.now()
        )
        return True
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRun.Status.DONE,
        progress=100,
        snapshot=snapshot,
        workbook=run.workbook.name,
        finished_at=timezone.now(),
    )
    return True


def _advance(run_id, progress: int) -> None:
    # Conditional, so that progress only ever grows, even when a run is picked up again.
    ReportRun.objects.filter(pk=run_id, progress__lt=progress).update(progress=progress)


def report_runs_requeue_stale() -> int:
    """Queue again the runs whose task was lost: never queued (broker down) or left running by a dead worker."""
    waiting_since = timezone.now() - timedelta(minutes=5)
    stale = ReportRun.objects.filter(
        Q(status=ReportRun.Status.QUEUED, created_at__lt=waiting_since)
        | Q(status=ReportRun.Status.RUNNING, started_at__lt=_stale_before())
    ).values_list("pk", flat=True)
    count = 0
    for run_id in stale:
        _enqueue(run_id)
        count += 1
    return count
