import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from labor_portal.core.periods import HalfYear
from labor_portal.reporting import services
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.services import report_compute
from labor_portal.reporting.tasks import generate_report_run


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_empty_half_year_gives_zeros_not_an_error(db):
    report = report_compute(HalfYear(2031, 2))
    assert report["period"]["label_zh"] == "120年7月至12月"
    for table in report["tables"]:
        for row in table["rows"]:
            assert all(value in (0, None) or isinstance(value, str) for value in row["values"]), table["id"]
    assert all(item["value"] == 0 for item in report["indicators"])


def test_the_command_refuses_a_malformed_period_clearly(db):
    with pytest.raises(CommandError, match="2020H1"):
        call_command("generate_report", "2020H3")


def test_officials_start_a_run_through_the_api_and_download_it(client, official, django_capture_on_commit_callbacks):
    client.force_login(official)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/reports/runs/", {"period": "2020H1"}, content_type="application/json")
    assert response.status_code == 202
    run_id = response.json()["id"]
    run = client.get(f"/api/v1/reports/runs/{run_id}/").json()
    assert (run["status"], run["progress"], run["period_label"]) == ("done", 100, "109年1月至6月")
    assert run["requested_by"] == official.username
    xlsx = client.get(run["links"]["xlsx"])
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(run["links"]["json"]).json()["period"]["label_zh"] == "109年1月至6月"
    csv = client.get(run["links"]["csv"]["unions.by_type"])
    assert csv.status_code == 200 and "工會聯合組織" in csv.content.decode("utf-8-sig")
    assert client.get(run["links"]["html"]).status_code == 200


def test_the_api_refuses_a_malformed_period_in_the_users_language(client, official):
    client.force_login(official)
    response = client.post("/api/v1/reports/runs/", {"period": "2020H3"}, content_type="application/json")
    assert response.status_code == 400
    assert "2020H1" in response.json()["period"][0]
    assert not ReportRun.objects.exists()


def test_the_web_page_starts_a_run_and_reports_progress(client, official, django_capture_on_commit_callbacks):
    client.force_login(official)
    page = client.get(reverse("reports:index"))
    assert "109年1月至6月" in page.text or "年1月至6月" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:start"), {"period": "2020H1"})
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:run", args=[run.pk])
    assert 'data-status-url="' in client.get(response["Location"]).text
    status = client.get(reverse("reports:status", args=[run.pk])).json()
    assert status["status"] == "done" and status["progress"] == 100 and status["links"]["xlsx"]
    tables = client.get(reverse("reports:tables", args=[run.pk]))
    assert "各級工會成立情形" in tables.text and "109年1月至6月" in tables.text


def test_a_task_delivered_twice_generates_once(db, official):
    run = ReportRun.objects.create(period="2020H1", requested_by=official)
    generate_report_run(str(run.pk))
    run.refresh_from_db()
    first_finished, first_file = run.finished_at, run.workbook.name
    generate_report_run(str(run.pk))
    run.refresh_from_db()
    assert (run.attempts, run.finished_at, run.workbook.name) == (1, first_finished, first_file)
    assert load_workbook(run.workbook.path).sheetnames[:3] == ["封面", "目錄", "勞工組織"]


def test_progress_only_grows(db, official, monkeypatch):
    run = ReportRun.objects.create(period="2020H1", requested_by=official)
    seen = []
    real_heartbeat = services.report_run_heartbeat

    def record(*, run_id, token, progress):
        real_heartbeat(run_id=run_id, token=token, progress=progress)
        seen.append(ReportRun.objects.get(pk=run_id).progress)

    monkeypatch.setattr(services, "report_run_heartbeat", record)
    services.report_run_execute(run_id=run.pk)
    assert seen == sorted(seen) and seen[-1] < 100
    assert ReportRun.objects.get(pk=run.pk).progress == 100


def test_a_failed_run_shows_its_error(client, official, monkeypatch):
    def broken(period, on_step=None):
        raise RuntimeError("資料庫連線中斷")

    monkeypatch.setattr(services, "report_compute", broken)
    run = ReportRun.objects.create(period="2020H1", requested_by=official)
    services.report_run_execute(run_id=run.pk)
    client.force_login(official)
    status = client.get(reverse("reports:status", args=[run.pk])).json()
    assert status["status"] == "failed" and "資料庫連線中斷" in status["error"]
    assert client.get(f"/api/v1/reports/runs/{run.pk}/xlsx/").status_code == 404


def test_union_staff_cannot_see_reports_and_officials_cannot_edit_unions(client, union_clerk, official):
    client.force_login(union_clerk)
    assert client.get(reverse("reports:index")).status_code == 403
    assert client.post("/api/v1/reports/runs/", {"period": "2020H1"}).status_code == 403
    client.force_login(official)
    assert client.get(reverse("admin:unions_union_changelist")).status_code == 403
    assert client.get("/api/v1/unions/unions/").status_code == 403
    assert client.post("/api/v1/unions/unions/", {}).status_code == 403


def test_citizens_see_nothing_of_reports(client, db):
    assert client.get(reverse("reports:index")).status_code == 302
    assert client.get("/api/v1/reports/runs/").status_code in (401, 403)


def test_runs_list_has_a_bounded_number_of_queries(client, official, django_assert_max_num_queries):
    for n in range(30):
        ReportRun.objects.create(period=f"{2000 + n}H1", requested_by=official)
    client.force_login(official)
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/reports/runs/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("reports:index")).status_code == 200
