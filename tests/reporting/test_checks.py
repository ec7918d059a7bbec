"""Consistency checks run on each generated report: totals add up, rates stay within 0–100 %, a part never exceeds
its whole; a failed check is listed with the run and does not stop it."""

import copy

import pytest

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.checks import figure_checks, report_checks, table_checks
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.registry import ReportTable, Row, registry
from labor_portal.reporting.services import report_compute, report_run_execute
from tests.specification import CATALOGUE


def _table(table_id):
    return copy.deepcopy(next(t for t in CATALOGUE["tables"] if t["id"] == table_id))


def _row(table, label):
    return next(row for row in table["rows"] if row["label"] == label)


class MiscountedTable(ReportTable):
    """A table whose subtotal does not add up and whose share is above 100 %: what the checks are for."""

    id = "zz_test.miscounted"
    title_zh = "測試表"
    title_en = "Test table"
    columns = ["成立", "成立(%)", "不成立", "合計"]
    percent_columns = frozenset({"成立(%)"})

    def compute(self, period):
        return [Row("甲", [3, 75, 1, 4]), Row("乙", [2, 120, 0, 2]), Row("小計", [5, 83, 1, 8])]


@pytest.mark.django_db
def test_the_demo_half_year_passes_every_check(demo_report):
    assert demo_report["json"]["checks"] == []


def test_the_catalogue_itself_adds_up():
    assert report_checks(copy.deepcopy(CATALOGUE) | {"indicators": []}) == []
    # The figures without their label (the catalogue prints sentences instead): the relations only read values.
    figures = [{**item, "label_zh": item["id"]} for item in CATALOGUE["indicators"]]
    assert figure_checks(figures) == []


def test_the_quota_row_as_printed_in_the_source_is_caught():
    """The source prints the shortfall row as 109, 108, 5, 5, 0, 0, 103, 1, 6 (see source_discrepancy)."""
    table = _table("disability_services.quota_employment")
    _row(table, "法定應進用不足人數")["values"] = [109, 108, 5, 5, 0, 0, 103, 1, 6]
    failures = table_checks(table)
    # Read against the columns, the printed row has 總計 109 ≠ 108 + 0, 公立 108 ≠ 5 + 5 + 0, 私立 0 ≠ 103 + 1 + 6.
    assert [failure["message_zh"].split("」", 1)[1] for failure in failures] == [
        "法定應進用不足人數列「總計」欄為 109，各欄加總為 108",
        "法定應進用不足人數列「公立機關(構)合計」欄為 108，各欄加總為 10",
        "法定應進用不足人數列「私立機關(構)合計」欄為 0，各欄加總為 110",
    ]
    assert {failure["table"] for failure in failures} == {"disability_services.quota_employment"}


def test_a_subtotal_row_that_does_not_add_up_is_caught():
    table = _table("disputes.by_category")
    _row(table, "工資爭議")["values"][0] += 1  # 750 settled wage disputes, the 小計 still says 1,561
    failures = table_checks(table)
    assert {f["message_zh"] for f in failures} == {
        "「受理勞資爭議案件統計－依爭議類別分」小計列「成立」欄為 1,561，各列加總為 1,562",
        "「受理勞資爭議案件統計－依爭議類別分」工資爭議列「合計」欄為 947，各欄加總為 948",
    }
    assert any("row 小計, column 成立 is 1,561 but its rows add up to 1,562" in f["message_en"] for f in failures)


def test_grouped_columns_are_checked_by_group():
    table = _table("welfare.accident_condolence")
    table["rows"][0]["values"][1] = 681  # 職災死亡:金額
    (failure,) = table_checks(table)
    assert "總計:金額(萬元)" in failure["message_zh"] and "803" in failure["message_zh"] and "804" in failure["message_zh"]


def test_a_rate_outside_0_to_100_is_caught():
    table = _table("inspections.lsa_violations_by_article")
    _row(table, "百分比")["values"][0] = 119.79
    (failure,) = table_checks(table)
    assert "119.79%" in failure["message_zh"] and "0–100" in failure["message_en"]


def test_a_part_larger_than_its_whole_and_a_rate_over_100_are_caught():
    figures = [
        {"id": "employment.job_seekers", "value": 100, "unit": "人次", "label_zh": "求職登記"},
        {"id": "employment.job_seekers.placed", "value": 101, "unit": "人次", "label_zh": "推介就業"},
        {"id": "employment.job_seekers.placement_rate", "value": 101.0, "unit": "%", "label_zh": "求職就業率"},
    ]
    messages = [failure["message_en"] for failure in figure_checks(figures)]
    assert messages == [
        "employment.job_seekers.placement_rate is 101.0%, outside 0–100 %",
        "employment.job_seekers.placed (101) is more than employment.job_seekers (100)",
    ]


def test_blank_cells_are_not_checked():
    table = _table("disability_services.over_quota_rewards")
    assert table_checks(table) == []


@pytest.fixture
def miscounted_table(monkeypatch):
    monkeypatch.setitem(registry._tables, MiscountedTable.id, MiscountedTable())


@pytest.mark.django_db
def test_a_generated_report_lists_its_failed_checks(miscounted_table):
    checks = [c for c in report_compute(HalfYear(2020, 1))["checks"] if c["table"] == MiscountedTable.id]
    assert [c["message_zh"] for c in checks] == [
        "「測試表」小計列「合計」欄為 8，各列加總為 6",
        "「測試表」小計列「合計」欄為 8，各欄加總為 6",
        "「測試表」乙列「成立(%)」為 120%，不在 0–100% 之間",
    ]


@pytest.mark.django_db
def test_a_failed_check_does_not_stop_the_run_and_shows_on_its_page(miscounted_table, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("official", password="x")
    user.user_permissions.add(Permission.objects.get(codename="view_reportrun"))
    run = ReportRun.objects.create(period="2020H1", requested_by=user)
    assert report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE
    client.force_login(user)
    page = client.get(f"/reports/runs/{run.pk}/").content.decode()
    assert "「測試表」小計列「合計」欄為 8，各列加總為 6" in page
