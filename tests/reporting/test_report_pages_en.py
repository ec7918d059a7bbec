"""Report pages in English (?lang=en or the language switch) with the catalogue's English titles and labels,
numbers with thousands separators in both languages, a language choice on the page, and bounded queries."""

import pytest

from tests.reporting.snapshots import catalogue_snapshot, done_run


@pytest.fixture
def run(official):
    snapshot = catalogue_snapshot()
    # A five-digit count, to see its separator: migrant_workers.consultations' 法令諮詢.
    consultations = next(t for t in snapshot["tables"] if t["id"] == "migrant_workers.consultations")
    consultations["rows"][0]["values"] = [12345, 816, 2500, 15661]
    return done_run("2020H1", snapshot, official)


@pytest.fixture
def logged_in(client, official):
    client.force_login(official)
    return client


@pytest.mark.django_db
def test_english_tables_page_has_english_titles_labels_and_period(run, logged_in):
    response = logged_in.get(f"/reports/runs/{run.pk}/tables/?lang=en")
    page = response.content.decode()
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in page
    assert "Labor disputes received, by category and outcome（January to June 2020）" in page
    assert ">Settled</th>" in page and ">Wages</th>" in page
    assert "受理勞資爭議案件統計－依爭議類別分" not in page
    assert "The total includes settled, not settled, withdrawn and pending cases." in page
    # A key figure in English: what it counts and its unit.
    assert "Museum visitors in the period" in page and "person-visits" in page
    assert "12,345" in page


@pytest.mark.django_db
def test_chinese_tables_page_groups_thousands_and_offers_english(run, logged_in):
    page = logged_in.get(f"/reports/runs/{run.pk}/tables/").content.decode()
    assert "受理勞資爭議案件統計－依爭議類別分（109年1月至6月）" in page
    assert '<td class="num">12,345</td>' in page and "12345" not in page
    assert '<td class="num">8,074</td>' in page  # museum visitors, a key figure
    assert 'href="?lang=en"' in page and 'hreflang="en"' in page


@pytest.mark.django_db
def test_run_and_index_pages_in_english(run, logged_in):
    page = logged_in.get(f"/reports/runs/{run.pk}/?lang=en").content.decode()
    assert "January to June 2020" in page and "109年1月至6月" not in page
    index = logged_in.get("/reports/?lang=en").content.decode()
    assert "January to June 2020" in index


@pytest.mark.django_db
def test_the_session_language_switch_works_too(run, logged_in):
    logged_in.post("/i18n/setlang/", {"language": "en", "next": "/reports/"})
    page = logged_in.get(f"/reports/runs/{run.pk}/tables/").content.decode()
    assert "Labor disputes received, by category and outcome" in page


@pytest.mark.django_db
def test_report_pages_make_a_bounded_number_of_queries(run, logged_in, official, django_assert_max_num_queries):
    for _n in range(25):
        done_run("2019H2", catalogue_snapshot("2019H2"), official)
    for url in ("/reports/", f"/reports/runs/{run.pk}/", f"/reports/runs/{run.pk}/tables/?compare=1&lang=en"):
        with django_assert_max_num_queries(12):
            assert logged_in.get(url).status_code == 200


@pytest.mark.django_db
def test_failed_checks_are_listed_in_the_pages_language(official, logged_in):
    snapshot = catalogue_snapshot()
    snapshot["checks"] = [{"table": "disputes.by_category", "message_zh": "「受理勞資爭議案件統計」小計列不符",
                           "message_en": "Labor disputes received: row 小計 does not add up"}]
    run = done_run("2020H1", snapshot, official)
    assert "Labor disputes received: row 小計 does not add up" in logged_in.get(f"/reports/runs/{run.pk}/?lang=en").content.decode()
    page = logged_in.get(f"/reports/runs/{run.pk}/").content.decode()
    assert "「受理勞資爭議案件統計」小計列不符" in page and "1 項檢核未通過" in page
