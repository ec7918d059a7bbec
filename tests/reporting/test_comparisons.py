"""Comparisons with earlier half-years: the same half a year before with the change (count and %), and each key
figure's last six half-years, computed after the report and stored with it."""

import pytest
from django.utils import timezone

from labor_portal.core.periods import HalfYear
from labor_portal.reporting import services
from labor_portal.reporting.comparisons import change, previous_rows, report_context
from labor_portal.reporting.models import Publication, ReportRun
from labor_portal.reporting.services import report_run_execute
from tests.reporting.snapshots import catalogue_snapshot, done_run

EARLIER = ["2017H2", "2018H1", "2018H2", "2019H1", "2019H2"]


def test_change_is_the_difference_and_its_share_of_the_year_before():
    # The report's own comparison: 19 fatalities against 23 a year before.
    assert change(19, 23) == {"count": -4, "percent": -17.4}
    assert change(2033, 2000) == {"count": 33, "percent": 1.7}
    assert change(55.48, 50.0) == {"count": 5.48, "percent": 11.0}
    assert change(5, 0) == {"count": 5, "percent": None}
    assert change(None, 3) is None and change("第24條", "第36條") is None


def test_rows_are_matched_by_label_else_by_place():
    now = [{"label": "工資爭議", "values": [1]}, {"label": "109年第1季", "values": [2]}]
    before = [{"label": "工資爭議", "values": [3]}, {"label": "108年第1季", "values": [4]}]
    assert previous_rows(now, before) == [[3], [4]]
    assert previous_rows(now, before[:1]) == [[3], None]
    assert previous_rows(now, None) == [None, None]


@pytest.fixture
def earlier_runs(db):
    """A finished run of each of the five half-years before 2020H1, every count raised by its place (1 to 5)."""
    for add, period in enumerate(EARLIER, start=1):
        done_run(period, catalogue_snapshot(period, add=add))


@pytest.fixture
def published_2019h1(earlier_runs):
    """2019H1 as approved, counts +100: it wins over the later unapproved run of 2019H1 (counts +4)."""
    approved = done_run("2019H1", catalogue_snapshot("2019H1", add=100))
    ReportRun.objects.filter(pk=approved.pk).update(finished_at=timezone.now() - timezone.timedelta(days=1))
    return Publication.objects.create(
        period="2019H1", revision=1, run=approved, snapshot=approved.snapshot, approved_at=timezone.now()
    )


@pytest.fixture
def nothing_computed(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an earlier half-year with a run or a publication was computed again")

    monkeypatch.setattr(services, "report_compute", refuse)


def _indicator(snapshot, item_id):
    return next(item["value"] for item in snapshot["indicators"] if item["id"] == item_id)


@pytest.mark.django_db
def test_the_year_before_is_read_as_published_and_the_trend_from_the_runs(
    published_2019h1, nothing_computed, django_assert_max_num_queries
):
    this = catalogue_snapshot("2020H1")
    with django_assert_max_num_queries(6):
        context = report_context(HalfYear(2020, 1), this)
    previous = context["previous"]
    assert previous["period"] == "2019H1" and previous["source"] == "published"
    assert previous["label_zh"] == "108年1月至6月"
    assert previous["indicators"]["museum.visitors"] == _indicator(this, "museum.visitors") + 100
    by_category = previous["tables"]["disputes.by_category"]
    assert by_category[-1] == {"label": "小計", "values": [1661, 548, 124, 2133]}

    trend = context["trend"]
    assert [p["period"] for p in trend["periods"]] == [*EARLIER, "2020H1"]
    visitors = _indicator(this, "museum.visitors")
    # 2019H1 in the trend is the published figure too.
    assert trend["indicators"]["museum.visitors"] == [visitors + 1, visitors + 2, visitors + 3, visitors + 100,
                                                       visitors + 5, visitors]


@pytest.mark.django_db
def test_a_generated_run_stores_its_comparisons(earlier_runs, official):
    run = ReportRun.objects.create(period="2020H1", requested_by=official)
    assert report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.snapshot["previous"]["source"] == "run"
    assert run.snapshot["previous"]["indicators"]["museum.visitors"] == _indicator(catalogue_snapshot(), "museum.visitors") + 4
    series = run.snapshot["trend"]["indicators"]["museum.visitors"]
    assert len(series) == 6 and series[-1] == _indicator(run.snapshot, "museum.visitors")


@pytest.mark.django_db
def test_the_tables_page_shows_the_year_before_and_the_change(published_2019h1, official, client):
    snapshot = catalogue_snapshot("2020H1")
    snapshot |= report_context(HalfYear(2020, 1), snapshot)
    run = done_run("2020H1", snapshot, official)
    client.force_login(official)

    plain = client.get(f"/reports/runs/{run.pk}/tables/").content.decode()
    assert "去年同期 2,133" not in plain and "compare=1" in plain

    page = client.get(f"/reports/runs/{run.pk}/tables/?compare=1").content.decode()
    # disputes.by_category, 小計 / 合計: 2,033 now, 2,133 a year before.
    assert "2,033<span class=\"cell-previous\">去年同期 2,133<br>-100 (-4.7%)</span>" in page
    # Key figures: museum visitors 8,074 against 8,174, and their six half-years as a sparkline.
    assert "8,174" in page and "-100 (-1.2%)" in page
    assert 'class="sparkline"' in page
    assert "108年1月至6月：8,174" in page
