"""The public open-data pages: approved half-years only, every table as CSV and JSON, a machine-readable index."""

import csv
import io
from datetime import date

import pytest

from labor_portal.reporting.models import Publication
from tests.module_records import records_for_the_module
from tests.reporting import approval_support
from tests.reporting.approval_support import generate, publish, report_staff
from tests.unions.factories import StatutoryMeetingFactory, UnionFactory
from unions.models import MeetingKind, StatutoryMeeting

approver, private_media = approval_support.approver, approval_support.private_media  # fixtures


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def approved(django_db_setup, django_db_blocker, private_media):
    """2020H1 approved with three board meetings; 2020H2 generated but not approved (once for the module)."""
    with records_for_the_module(django_db_blocker):
        union = UnionFactory(name="高雄市某某職業工會")
        for day in (2, 3, 4):
            StatutoryMeetingFactory(union=union, kind=MeetingKind.BOARD_OF_DIRECTORS, held_on=date(2020, 3, day))
        official, approver = report_staff()
        generate(official, "2020H2")
        yield publish(official, approver, "2020H1")


def test_the_index_lists_only_approved_half_years(approved, client):
    index = client.get("/open-data/index.json")
    assert index.status_code == 200
    data = index.json()
    assert [entry["period"] for entry in data["periods"]] == ["2020H1"]
    assert data["licence"]["name_zh"] == "政府資料開放授權條款-第1版"
    assert data["title"]["zh-hant"] and data["title"]["en"]
    entry = data["periods"][0]
    assert entry["approved_at"] == approved.approved_at.isoformat() and entry["revision"] == 1
    table = next(t for t in entry["tables"] if t["id"] == "disputes.by_category")
    assert table["title_en"] and table["columns"] and "units" in table
    assert table["urls"]["csv"].endswith("/open-data/2020H1/disputes.by_category.csv")
    assert len(entry["tables"]) == len(approved.snapshot["tables"])
    page = client.get("/open-data/")
    assert "109年1月至6月" in page.text and "109年7月至12月" not in page.text


def test_a_half_year_not_approved_is_not_served(approved, client):
    assert client.get("/open-data/2020H2/").status_code == 404
    assert client.get("/open-data/2020H2/disputes.by_category.csv").status_code == 404
    assert client.get("/open-data/2019H1/disputes.by_category.json").status_code == 404
    assert client.get("/open-data/2020H1/no.such_table.json").status_code == 404


def test_anyone_reads_every_table_as_csv_and_json_at_stable_urls(approved, client):
    assert client.get("/open-data/2020H1/").status_code == 200  # anonymous
    as_json = client.get("/open-data/2020H1/unions.statutory_meetings.json")
    assert as_json.status_code == 200 and as_json["Access-Control-Allow-Origin"] == "*"
    data = as_json.json()
    assert data["period"] == "2020H1" and data["licence"]["name_zh"] == "政府資料開放授權條款-第1版"
    assert data["columns"] == ["會員(代表)大會", "理事會", "監事會", "合計"]
    assert data["rows"][0]["values"] == [0, 3, 0, 3]
    as_csv = client.get("/open-data/2020H1/unions.statutory_meetings.csv")
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert rows == [["項目", "會員(代表)大會", "理事會", "監事會", "合計"], ["會次", "0", "3", "0", "3"]]
    indicators = client.get("/open-data/2020H1/indicators.json").json()["indicators"]
    assert {"id", "label_zh", "value", "unit", "section"} == set(indicators[0])
    assert client.get("/open-data/2020H1/report.xlsx").status_code == 200


def test_open_data_serves_the_published_figures_not_the_records_of_today(approved, official, client):
    StatutoryMeeting.objects.update(kind=MeetingKind.GENERAL_ASSEMBLY)
    generate(official, "2020H1")
    data = client.get("/open-data/2020H1/unions.statutory_meetings.json").json()
    assert data["rows"][0]["values"] == [0, 3, 0, 3]


def test_no_personal_data_and_no_run_details_are_published(approved, client):
    index = client.get("/open-data/index.json").text
    for private in ("official", "approver", "requested_by", "approved_by", '"checks":', '"trend":'):
        assert private not in index
    table = client.get("/open-data/2020H1/unions.statutory_meetings.json").text
    assert "official" not in table and "approver" not in table


def test_the_pages_are_in_english_too(approved, client):
    page = client.get("/open-data/2020H1/", HTTP_ACCEPT_LANGUAGE="en")
    assert "January to June 2020" in page.text and "Statutory union meetings held" in page.text
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'href="/open-data/"' in home.text and "Open data" in home.text


def test_the_index_reads_a_bounded_number_of_queries(approved, official, approver, client,
                                                     django_assert_max_num_queries):
    publish(official, approver, "2020H2")
    assert Publication.objects.count() == 2
    with django_assert_max_num_queries(3):
        client.get("/open-data/index.json")
    with django_assert_max_num_queries(5):
        client.get("/open-data/")
