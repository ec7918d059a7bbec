"""The running attempt renews its lease (one committed UPDATE) only every quarter lease or 5 points of progress,
not at every step; a lost lease is still found at the next renewal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from labor_portal.reporting import services
from labor_portal.reporting.models import ReportRun


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def run(db, official):
    return ReportRun.objects.create(period="2020H1", requested_by=official)


def _heartbeat_updates(queries):
    # The heartbeat's UPDATE is the one that sets lease_until to a time (the final writes clear it to NULL).
    return [
        query for query in queries
        if query["sql"].startswith("UPDATE") and "reporting_reportrun" in query["sql"]
        and '"lease_until" = NULL' not in query["sql"] and '"attempts"' not in query["sql"]
    ]


def test_a_run_makes_far_fewer_heartbeat_updates_than_steps(run, monkeypatch):
    calls = []
    real_heartbeat = services.report_run_heartbeat

    def counted(**kwargs):
        calls.append(kwargs["progress"])
        real_heartbeat(**kwargs)

    monkeypatch.setattr(services, "report_run_heartbeat", counted)
    with CaptureQueriesContext(connection) as queries:
        assert services.report_run_execute(run_id=run.pk) is True
    updates = _heartbeat_updates(queries)
    assert len(calls) > 40
    assert 1 <= len(updates) <= 100 // services.RENEW_AFTER_POINTS + 1
    assert len(updates) * 2 < len(calls)
    run.refresh_from_db()
    assert (run.status, run.progress, run.lease_until) == (ReportRun.Status.DONE, 100, None)


def test_the_lease_is_renewed_once_a_quarter_of_it_passed_without_progress(run, monkeypatch, settings):
    now = [1000.0]
    monkeypatch.setattr(services, "_clock", lambda: now[0])
    token = services.report_run_claim(run_id=run.pk)
    claimed_until = ReportRun.objects.get(pk=run.pk).lease_until
    with CaptureQueriesContext(connection) as queries:
        services.report_run_heartbeat(run_id=run.pk, token=token, progress=0)
        now[0] += settings.REPORT_RUN_LEASE_SECONDS / 4 - 1
        services.report_run_heartbeat(run_id=run.pk, token=token, progress=0)
    assert len(queries) == 0  # within a quarter of the lease: nothing written
    now[0] += 1
    with CaptureQueriesContext(connection) as queries:
        services.report_run_heartbeat(run_id=run.pk, token=token, progress=0)
    assert len(_heartbeat_updates(queries)) == 1
    assert ReportRun.objects.get(pk=run.pk).lease_until > claimed_until


def test_progress_of_five_points_renews_and_records_it(run, monkeypatch):
    monkeypatch.setattr(services, "_clock", lambda: 1000.0)
    token = services.report_run_claim(run_id=run.pk)
    services.report_run_heartbeat(run_id=run.pk, token=token, progress=4)
    assert ReportRun.objects.get(pk=run.pk).progress == 0
    services.report_run_heartbeat(run_id=run.pk, token=token, progress=5)
    assert ReportRun.objects.get(pk=run.pk).progress == 5


def test_a_lost_lease_raises_at_the_next_real_renewal(run, monkeypatch, settings):
    now = [1000.0]
    monkeypatch.setattr(services, "_clock", lambda: now[0])
    first = services.report_run_claim(run_id=run.pk)
    ReportRun.objects.filter(pk=run.pk).update(lease_until=None)  # lost: another attempt may claim it
    second = services.report_run_claim(run_id=run.pk)
    assert second not in (None, first)
    services.report_run_heartbeat(run_id=run.pk, token=first, progress=1)  # not due: nothing checked yet
    now[0] += settings.REPORT_RUN_LEASE_SECONDS / 4
    with pytest.raises(services.LeaseLost):
        services.report_run_heartbeat(run_id=run.pk, token=first, progress=1)
    assert ReportRun.objects.get(pk=run.pk).claim_token == second


def test_a_finished_run_leaves_no_renewal_state(run):
    services.report_run_execute(run_id=run.pk)
    token = ReportRun.objects.get(pk=run.pk).claim_token
    assert token not in services._renewed
