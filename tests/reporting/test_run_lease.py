"""Item 3 of issue 8: a run held by a short lease, renewed as it goes, taken over soon after its worker died."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labor_portal.reporting import services
from labor_portal.reporting.models import ReportRun


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def run(db, official):
    return ReportRun.objects.create(period="2020H1", requested_by=official)


def _lease_passes(run):
    ReportRun.objects.filter(pk=run.pk).update(lease_until=timezone.now() - timedelta(seconds=1))


def test_item3_a_run_whose_worker_died_is_taken_over_once_its_lease_passed(run):
    first = services.report_run_claim(run_id=run.pk)
    assert first is not None
    # Started 1 minute ago by a worker that died: the 30-minute rule would have refused for 29 more minutes.
    ReportRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - timedelta(minutes=1))
    _lease_passes(run)
    assert services.report_run_execute(run_id=run.pk) is True
    run.refresh_from_db()
    assert (run.status, run.attempts, run.progress) == (ReportRun.Status.DONE, 2, 100)
    assert run.claim_token not in (None, first) and run.lease_until is None


def test_item3_a_run_is_not_taken_over_while_its_lease_runs(run, settings):
    assert services.report_run_claim(run_id=run.pk) is not None
    run.refresh_from_db()
    assert timedelta(0) < run.lease_until - timezone.now() <= timedelta(seconds=settings.REPORT_RUN_LEASE_SECONDS)
    assert services.report_run_claim(run_id=run.pk) is None
    assert services.report_run_execute(run_id=run.pk) is False
    assert ReportRun.objects.get(pk=run.pk).attempts == 1


def test_item3_the_running_attempt_renews_its_lease_at_every_table(run, monkeypatch):
    leases = []
    real_heartbeat = services.report_run_heartbeat

    def record(*, run_id, token, progress):
        real_heartbeat(run_id=run_id, token=token, progress=progress)
        leases.append(ReportRun.objects.get(pk=run_id).lease_until)

    monkeypatch.setattr(services, "report_run_heartbeat", record)
    services.report_run_execute(run_id=run.pk)
    assert len(leases) > 10 and leases == sorted(leases) and leases[0] < leases[-1]


def test_item3_a_stale_attempt_cannot_write_done(run, monkeypatch, private_media):
    real_compute = services.report_compute

    def taken_over_meanwhile(period, on_step=None):
        snapshot = real_compute(period)  # this attempt computes without renewing: its worker is stalled
        _lease_passes(run)
        monkeypatch.setattr(services, "report_compute", real_compute)
        services.report_run_execute(run_id=run.pk)  # another attempt takes over and finishes
        return snapshot

    monkeypatch.setattr(services, "report_compute", taken_over_meanwhile)
    assert services.report_run_execute(run_id=run.pk) is False
    run.refresh_from_db()
    assert (run.status, run.attempts) == (ReportRun.Status.DONE, 2)
    workbooks = [path.name for path in (private_media / "reports").iterdir()]
    assert workbooks == [run.workbook.name.removeprefix("reports/")]  # the stale attempt's file is gone


def test_item3_a_stale_attempt_cannot_write_failed(run, monkeypatch):
    def stalls_then_breaks(period, on_step=None):
        _lease_passes(run)
        monkeypatch.setattr(services, "report_compute", real_compute)
        services.report_run_execute(run_id=run.pk)  # the new attempt finishes
        raise RuntimeError("資料庫連線中斷")

    real_compute = services.report_compute
    monkeypatch.setattr(services, "report_compute", stalls_then_breaks)
    services.report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.error, run.progress) == (ReportRun.Status.DONE, "", 100)


def test_item3_a_stale_attempt_stops_at_its_next_table(run, monkeypatch):
    first = services.report_run_claim(run_id=run.pk)
    _lease_passes(run)
    second = services.report_run_claim(run_id=run.pk)
    with pytest.raises(services.LeaseLost):
        services.report_run_heartbeat(run_id=run.pk, token=first, progress=50)
    services.report_run_heartbeat(run_id=run.pk, token=second, progress=10)
    assert ReportRun.objects.get(pk=run.pk).progress == 10


def test_item3_beat_requeues_runs_whose_lease_passed_within_a_minute(run, settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["requeue-stale-report-runs"]["schedule"]
    assert settings.REPORT_RUN_LEASE_SECONDS + float(schedule) < 60
    services.report_run_claim(run_id=run.pk)
    assert services.report_runs_requeue_stale() == 0  # held: nothing to requeue
    _lease_passes(run)
    assert services.report_runs_requeue_stale() == 1  # eager in tests: requeued and run at once
    assert ReportRun.objects.get(pk=run.pk).status == ReportRun.Status.DONE


def test_item3_a_run_left_running_before_leases_existed_is_taken_over(run):
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRun.Status.RUNNING, started_at=timezone.now())
    assert services.report_runs_requeue_stale() == 1
    assert ReportRun.objects.get(pk=run.pk).status == ReportRun.Status.DONE
