"""Clerks find a section's cases by an applicant's full name or ID in the admin's search box; each such search is
in the read log (the term masked, never in clear) and the list it shows stays masked."""

import re
from datetime import date

import pytest
from django.urls import reverse

from disputes.models import Applicant, FundKind, RightsFundApplication
from labor_portal.cases.models import PersonalDataPage, PersonalDataRead
from tests.disputes.factories import VALID_ID, file_case

pytestmark = pytest.mark.django_db

CASES = "admin:disputes_disputecase_changelist"
OTHER_ID = "B123456780"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # a filed case keeps its attachment there


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")


@pytest.fixture
def cases():
    """Two cases: 王小明's and 陳大華's."""
    ming = file_case(token="search-token-000000000001").case
    hua = file_case(token="search-token-000000000002").case
    Applicant.objects.filter(case=hua).update(name="陳大華", personal_id=OTHER_ID)
    return ming, hua


def _results(client, term: str, url=CASES) -> str:
    response = client.get(reverse(url), {"q": term})
    assert response.status_code == 200
    # The result rows only, without their links: the search box, the sorting links and each row's link back to
    # the list repeat what the clerk typed.
    rows = re.search(r'<table id="result_list">.*?<tbody>(.*?)</tbody>', response.text, re.S)
    return re.sub(r'href="[^"]*"', "", rows.group(1)) if rows else ""


def test_a_full_name_finds_that_applicants_cases_masked_and_logs_the_search(client, dispute_clerk, cases):
    ming, hua = cases
    client.force_login(dispute_clerk)
    rows = _results(client, "王小明")
    assert ming.case_number in rows and hua.case_number not in rows
    assert "王○明" in rows and "A12****789" in rows
    assert "王小明" not in rows and VALID_ID not in rows
    read = PersonalDataRead.objects.get()
    assert (read.object_id, read.page, read.viewer, read.section) == (
        str(ming.pk), PersonalDataPage.SEARCH, dispute_clerk, "disputes")
    assert read.label == f"{ming.case_number} 查詢「王○明」"


@pytest.mark.parametrize("typed", ["B123456780", "b123456780", " Ｂ１２３４５６７８０ "])
def test_an_id_finds_its_cases_whatever_the_case_or_width_and_the_log_keeps_it_masked(
        client, dispute_clerk, cases, typed):
    ming, hua = cases
    client.force_login(dispute_clerk)
    rows = _results(client, typed)
    assert hua.case_number in rows and ming.case_number not in rows
    assert "陳○華" in rows and OTHER_ID not in rows
    read = PersonalDataRead.objects.get()
    assert (read.object_id, read.page) == (str(hua.pk), PersonalDataPage.SEARCH)
    assert "B12****780" in read.label
    assert not PersonalDataRead.objects.filter(label__icontains=OTHER_ID).exists()


def test_part_of_a_name_or_id_finds_nothing_and_logs_nothing(client, dispute_clerk, cases):
    client.force_login(dispute_clerk)
    for term in ("王小", "小明", "A12345", "A1234567890"):
        rows = _results(client, term)
        assert all(case.case_number not in rows for case in cases)
    assert not PersonalDataRead.objects.exists()


def test_a_search_that_finds_no_person_is_not_a_read(client, dispute_clerk, cases):
    ming, _hua = cases
    client.force_login(dispute_clerk)
    assert ming.case_number in _results(client, ming.case_number)
    assert ming.case_number in _results(client, "")
    assert not PersonalDataRead.objects.exists()


def test_a_name_shared_by_many_cases_is_logged_in_one_insert(client, dispute_clerk, django_assert_max_num_queries):
    many = [file_case(token=f"many-token-{n:014d}").case for n in range(15)]
    client.force_login(dispute_clerk)
    # The same page as an unfiltered list (13, see test_staff_admin) plus the search's look-up and one insert.
    with django_assert_max_num_queries(16):
        client.get(reverse(CASES), {"q": "王小明"})
    assert set(PersonalDataRead.objects.values_list("object_id", flat=True)) == {str(case.pk) for case in many}


def test_fund_applications_are_found_by_the_applicants_name(client, dispute_clerk):
    application = RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="林美玉", applied_on=date(2020, 3, 1))
    client.force_login(dispute_clerk)
    rows = _results(client, "林美玉", "admin:disputes_rightsfundapplication_changelist")
    assert "林○玉" in rows and "林美玉" not in rows
    assert list(PersonalDataRead.objects.values_list("object_id", "page")) == [
        (str(application.pk), PersonalDataPage.SEARCH)]


def test_other_sections_cannot_search_the_cases(client, make_staff, cases):
    client.force_login(make_staff("unions"))
    assert client.get(reverse(CASES), {"q": "王小明"}).status_code == 403
    assert not PersonalDataRead.objects.exists()
