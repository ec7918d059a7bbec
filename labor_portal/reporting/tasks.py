from celery import shared_task

from labor_portal.core.periods import HalfYear
from labor_portal.reporting import services


@shared_task(acks_late=True)
def generate_report_run(run_id: str) -> None:
    services.report_run_execute(run_id=run_id)


@shared_task
def generate_previous_half_year() -> str:
    """Run by beat on 1 January and 1 July: the half-year that has just ended."""
    from django.utils import timezone

    period = HalfYear.containing(timezone.localdate()).previous()
    services.report_run_start(period=period, requested_by=None)
    return str(period)


@shared_task
def requeue_stale_report_runs() -> int:
    return services.report_runs_requeue_stale()
