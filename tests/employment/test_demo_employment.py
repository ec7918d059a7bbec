"""The employment section on its demo records, loaded once for the module: the employment-rights figures (四(一)1)
and the job centre's (四(二)1) reproduce the published 2020H1 values, the halves around it count their own
records, the edge cases are there, and the committee's admin pages open on them."""

from datetime import date

import pytest

from employment import demo
from employment.grounds import Ground
from employment.models import CommitteeMeeting, ComplaintStatus, DiscriminationComplaint, HarassmentComplaint
from employment.reports import SCAM, SEMINARS, DiscriminationComplaints
from employment.reports_job_centre import JobCentreFigures
from labor_portal.core.periods import HalfYear
from tests.employment.test_reports_employment import IDS, _indicators
from tests.module_records import records_for_the_module
from tests.specification import CATALOGUE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("employment_demo")]
H2_2019, H1, H2 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("employment"))
    return client


@pytest.fixture(scope="module")
def employment_demo(django_db_setup, django_db_blocker):
    """The demo records, loaded once for this module: every test here reads them (1.5 s a load)."""
    with records_for_the_module(django_db_blocker):
        demo.load()
        yield


def test_the_demo_reproduces_the_published_figures():
    table = next(item for item in CATALOGUE["tables"] if item["id"] == "employment.discrimination_complaints")
    snapshot = DiscriminationComplaints().snapshot(H1)
    assert (snapshot["title_zh"], snapshot["columns"], snapshot["rows"]) == (
        table["title_zh"], table["columns"], table["rows"])
    published = {item["id"]: item for item in CATALOGUE["indicators"] if item["id"] in IDS}
    produced = {item["id"]: item for group in (SCAM, SEMINARS) for item in group.snapshot(H1)}
    assert {key: (item["value"], item["unit"]) for key, item in produced.items()} == {
        key: (item["value"], item["unit"]) for key, item in published.items()}


def test_the_halves_around_it_count_their_own_records():
    rows = DiscriminationComplaints().compute(H2)
    # 2020H2: 21 harassment; gender 11, age 3 + the one filed on 1 July, disability 1, religion and para. 2 acts → 其他.
    assert rows[0].values == [21, 11, 4, 1, 0, 0, 3, 40]
    assert _indicators(H2) == {
        "employment.scam_complaints.cases": 15, "employment.scam_complaints.consultations": 27,
        "employment.anti_discrimination_seminars.sessions": 1,
        "employment.anti_discrimination_seminars.participants": 61,
    }
    assert DiscriminationComplaints().compute(HalfYear(2019, 2))[0].values == [18, 9, 5, 0, 0, 0, 2, 34]


def test_each_table_is_counted_in_few_queries(django_assert_max_num_queries):
    # One aggregate over discrimination complaints, one count of harassment complaints.
    with django_assert_max_num_queries(2):
        DiscriminationComplaints().compute(H1)
    # One aggregate per model: complaints, consultations, seminars.
    with django_assert_max_num_queries(3):
        _indicators(H1)


def test_the_demo_has_its_edge_cases():
    late = HarassmentComplaint.objects.get(filed_on=date(2025, 3, 10))
    assert late.appears_late and late.filing_deadline < late.filed_on
    assert DiscriminationComplaint.objects.filter(grounds=[Ground.GENDER, Ground.MARITAL_STATUS]).count() == 1
    assert DiscriminationComplaint.objects.filter(filed_on=date(2020, 6, 30)).exists()
    assert DiscriminationComplaint.objects.filter(status=ComplaintStatus.WITHDRAWN).exists()
    # Numbered as filings are: one sequence per kind and ROC year, in filing order.
    numbers = list(DiscriminationComplaint.objects.filter(filed_on__year=2020).order_by("filed_on", "case_number")
                   .values_list("case_number", flat=True))
    assert numbers[0] == "109-E-000001" and numbers == sorted(numbers)


def test_the_demo_halves_around_it_count_their_own_records(django_assert_num_queries):
    with django_assert_num_queries(4):  # one per model
        around = JobCentreFigures().compute(H2)
    # 2020H2's own 215 placements, of which one is the June referral hired on 2 July; 402 hires.
    assert (around["employment.job_seekers"], around["employment.job_seekers.placed"],
            around["employment.vacancies"], around["employment.vacancies.filled"]) == (410, 215, 720, 402)
    before = JobCentreFigures().compute(H2_2019)
    assert (before["employment.job_seekers"], before["employment.job_seekers.placed"],
            before["employment.middle_aged.served"], before["employment.middle_aged.employed"]) == (320, 170, 96, 44)


def test_the_demo_committee_pages_open(clerk_client):
    meeting = CommitteeMeeting.objects.get(title="109年第2次會議")
    changelist = clerk_client.get("/admin/employment/committeemeeting/").content.decode()
    assert "6／13（不足）" in changelist and "9／13（足）" in changelist
    assert clerk_client.get(f"/admin/employment/committeemeeting/{meeting.pk}/change/").status_code == 200
    for model in ("committeereview", "committeemember", "antidiscriminationseminar", "scamconsultation",
                  "jobadphrase"):
        assert clerk_client.get(f"/admin/employment/{model}/").status_code == 200
        assert clerk_client.get(f"/admin/employment/{model}/add/").status_code == 200
