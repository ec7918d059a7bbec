"""Generating the half-year report: compute every table and indicator, then write the files."""

import logging
import time
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone

from labor_portal.core.circuit import enqueue_unless_redis_down
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.checks import report_checks
from labor_portal.reporting.comparisons import report_context
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
    # Checked on the values as generated: a failed check is listed with the run, it does not stop it.
    snapshot["checks"] = report_checks(snapshot)
    return snapshot


def report_run_start(*, period: HalfYear, requested_by) -> ReportRun:
    run = ReportRun.objects.create(period=str(period), requested_by=requested_by)
    transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id) -> None:
    from labor_portal.reporting.tasks import generate_report_run

    # Not queued (Redis down): the run stays queued in the database and beat re-queues it.
    enqueue_unless_redis_down(generate_report_run, str(run_id))


class LeaseLost(Exception):
    """This attempt no longer holds its run: its lease ran out and another attempt claimed the run."""


def _lease_until():
    return timezone.now() + timedelta(seconds=settings.REPORT_RUN_LEASE_SECONDS)


def _lease_passed(now) -> Q:
    # No lease at all: left running by a worker of the version before leases, which is gone since.
    return Q(status=ReportRun.Status.RUNNING) & (Q(lease_until__lt=now) | Q(lease_until=None))


def report_run_claim(*, run_id) -> uuid.UUID | None:
    """Claim a queued run, or a running one whose lease has passed. Returns this attempt's token, or None."""
    token = uuid.uuid4()
    now = timezone.now()
    claimed = (
        ReportRun.objects.filter(pk=run_id)
        .filter(Q(status=ReportRun.Status.QUEUED) | _lease_passed(now))
        .update(
            status=ReportRun.Status.RUNNING, started_at=now, lease_until=_lease_until(), claim_token=token,
            error="", attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return None
    _renewed[token] = (_clock(), 0)  # the claim set the lease: the first steps need not renew it again
    return token


def _held(run_id, token):
    """The run, as long as the attempt holding `token` still has it."""
    return ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.RUNNING, claim_token=token)


# One committed UPDATE per step was ~255 a run (~5 s at scale): the lease is renewed only once a quarter of it
# has passed or the progress shown moved enough, still well before it runs out. Per attempt (its token): when,
# and at what progress, it last renewed. A lost lease is found at the next renewal; the final writes check it.
RENEW_AFTER_POINTS = 5
_clock = time.monotonic
_renewed: dict[uuid.UUID, tuple[float, int]] = {}


def _renewal_due(token, progress: int) -> bool:
    if token not in _renewed:
        return True
    renewed_at, renewed_progress = _renewed[token]
    return (
        _clock() - renewed_at >= settings.REPORT_RUN_LEASE_SECONDS / 4
        or progress - renewed_progress >= RENEW_AFTER_POINTS
    )


def report_run_heartbeat(*, run_id, token, progress: int) -> None:
    """Renew this attempt's lease and record its progress when due; raises LeaseLost when another attempt took over."""
    if not _renewal_due(token, progress):
        return
    # Greatest: progress only ever grows, even when a run is picked up again from the start.
    if not _held(run_id, token).update(lease_until=_lease_until(), progress=Greatest(F("progress"), progress)):
        _renewed.pop(token, None)
        raise LeaseLost(run_id)
    _renewed[token] = (_clock(), max(progress, _renewed.get(token, (0, 0))[1]))


def report_run_execute(*, run_id) -> bool:
    """Generate the run's report once. Returns False when another attempt has it, lost it to one, or it is finished."""
    token = report_run_claim(run_id=run_id)
    if token is None:
        return False
    try:
        return _execute_claimed(run_id, token)
    finally:
        _renewed.pop(token, None)


def _execute_claimed(run_id, token) -> bool:
    run = ReportRun.objects.get(pk=run_id)
    try:
        snapshot = report_compute(
            run.half_year, on_step=lambda done, total: report_run_heartbeat(
                run_id=run_id, token=token, progress=done * 100 // total)
        )
        # After the half-year itself, so that its compute time is its own: the earlier half-years to compare with.
        snapshot.update(report_context(
            run.half_year, snapshot, on_step=lambda: report_run_heartbeat(run_id=run_id, token=token, progress=0)
        ))
        run.workbook.save(f"report-{run.period}-{run.pk}.xlsx", ContentFile(render_workbook(snapshot)), save=False)
    except LeaseLost:
        logger.warning("report run %s was taken over by another attempt; this one stops", run_id)
        return False
    except Exception as exc:
        logger.exception("report run %s failed", run_id)
        _held(run_id, token).update(
            status=ReportRun.Status.FAILED, error=f"{type(exc).__name__}: {exc}", finished_at=timezone.now(),
            lease_until=None,
        )
        return True
    done = _held(run_id, token).update(
        status=ReportRun.Status.DONE,
        progress=100,
        snapshot=snapshot,
        workbook=run.workbook.name,
        finished_at=timezone.now(),
        lease_until=None,
    )
    if not done:
        # Taken over while the files were written: the attempt that holds the run now writes its own.
        run.workbook.delete(save=False)
        logger.warning("report run %s was taken over before it finished; its result is discarded", run_id)
    return bool(done)


def report_runs_requeue_stale() -> int:
    """Queue again the runs whose task was lost: never queued (broker down) or whose worker died (lease passed).

    Run by beat every REPORT_RUN_REQUEUE_SECONDS: the broker itself would redeliver a dead worker's task only
    after its visibility timeout (40 minutes).
    """
    now = timezone.now()
    stale = ReportRun.objects.filter(
        Q(status=ReportRun.Status.QUEUED, created_at__lt=now - timedelta(minutes=5))
        | _lease_passed(now)
    ).values_list("pk", flat=True)
    count = 0
    for run_id in stale:
        _enqueue(run_id)
        count += 1
    return count
