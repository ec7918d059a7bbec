"""Charts on the report page: server-drawn SVG for the tables a picture reads faster, each with its data as a table,
and the key figures' six half-years as sparklines; no inline style (the CSP forbids it)."""

import re

import pytest

from labor_portal.reporting.charts import CHARTS, bar_chart, sparkline
from tests.reporting.snapshots import catalogue_snapshot, done_run


def _table(snapshot, table_id):
    return next(t for t in snapshot["tables"] if t["id"] == table_id)


def test_disputes_chart_has_a_bar_per_category_stacked_by_outcome():
    chart = bar_chart(_table(catalogue_snapshot(), "disputes.by_category"), "zh-hant")
    assert [bar["label"] for bar in chart["bars"]] == ["工資爭議", "契約爭議", "職災爭議", "退休爭議", "勞保爭議", "其他爭議"]
    assert [s["name"] for s in chart["series"]] == ["成立", "不成立", "調解中之案件"]
    wages, contract = chart["bars"][0], chart["bars"][1]
    assert [s["value"] for s in wages["segments"]] == [749, 181, 17] and wages["total"] == 947
    # The longest bar fills the plot; the others in proportion.
    widths = [sum(s["width"] for s in bar["segments"]) for bar in (wages, contract)]
    assert widths[0] == pytest.approx(390, abs=0.5) and widths[1] / widths[0] == pytest.approx(510 / 947, abs=0.01)


def test_each_charted_table_draws_from_its_own_cells():
    snapshot = catalogue_snapshot()
    ranking = bar_chart(_table(snapshot, "inspections.lsa_violations_by_article"), "en")
    assert [bar["label"] for bar in ranking["bars"]][:2] == ["Art. 24", "Art. 36"]
    assert [bar["total"] for bar in ranking["bars"]][:3] == [134, 115, 91]
    quota = bar_chart(_table(snapshot, "disability_services.quota_employment"), "zh-hant")
    assert quota["bars"][0]["label"] == "公立:機關" and quota["bars"][0]["cells"] == [89, 68, 4]
    condolence = bar_chart(_table(snapshot, "welfare.accident_condolence"), "zh-hant")
    assert condolence["bars"][0]["label"] == "職災死亡(10~30萬)"
    assert [bar["total"] for bar in condolence["bars"]] == [35, 10, 27, 39]
    assert bar_chart(_table(snapshot, "unions.by_type"), "zh-hant") is None
    assert set(CHARTS) <= {t["id"] for t in snapshot["tables"]}


def test_sparkline_runs_from_the_oldest_half_year_to_this_one():
    line = sparkline([10, 20, None, 40, 30, 50])
    points = [tuple(map(float, p.split(","))) for p in line["points"].split()]
    assert len(points) == 5  # the unknown half-year is left out
    assert points[0][0] < points[-1][0] and points[-1][1] < points[0][1]  # 50 is drawn higher than 10
    assert (line["last_x"], line["last_y"]) == points[-1]
    assert sparkline([None, None, None, None, None, 5]) is None


@pytest.mark.django_db
def test_the_tables_page_draws_the_charts_with_their_data_tables(official, client):
    run = done_run("2020H1", catalogue_snapshot(), official)
    client.force_login(official)
    page = client.get(f"/reports/runs/{run.pk}/tables/").content.decode()
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*>.*?</svg>", page, re.S)
    assert len(svgs) == len(CHARTS)
    disputes = next(svg for svg in svgs if "chart-disputes-by_category-title" in svg)
    assert "<title id=\"chart-disputes-by_category-title\">受理勞資爭議案件統計－依爭議類別分</title>" in disputes
    assert "工資爭議：947" in disputes  # the description reads the totals
    # The chart's data table follows it: the wage-dispute row with its three outcomes.
    assert re.search(r"圖表數據.*<th scope=\"row\">工資爭議</th><td class=\"num\">749</td><td class=\"num\">181</td>"
                     r"<td class=\"num\">17</td>", page, re.S)
    assert "reporting/charts.css" in page
    assert "style=" not in page
