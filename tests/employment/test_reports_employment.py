"""The employment-rights figures of the report (四(一)1): the demo reproduces the published 2020H1 values, and
each record counts in the half it was received in, once."""

import json
from datetime import date
from pathlib import Path

import pytest

from employment import demo
from employment.grounds import Ground
from employment.models import (
    OTHER_ACTS,
    AntiDiscriminationSeminar,
    ComplaintStatus,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamComplaint,
    ScamConsultation,
)
from employment.reports import SCAM, SEMINARS, DiscriminationComplaints
from labor_portal.core.periods import HalfYear

pytestmark = pytest.mark.django_db
H1, H2 = HalfYear(2020, 1), HalfYear(2020, 2)
CATALOGUE = json.loads((Path(__file__).resolve().parents[1] / "data" / "report-2020H1.json").read_text("utf-8"))
IDS = ("employment.scam_complaints.cases", "employment.scam_complaints.consultations",
       "employment.anti_discrimination_seminars.sessions", "employment.anti_discrimination_seminars.participants")


def _indicators(period):
    return {**SCAM.compute(period), **SEMINARS.compute(period)}


def test_the_demo_reproduces_the_published_figures():
    demo.load()
    table = next(item for item in CATALOGUE["tables"] if item["id"] == "employment.discrimination_complaints")
    snapshot = DiscriminationComplaints().snapshot(H1)
    assert (snapshot["title_zh"], snapshot["columns"], snapshot["rows"]) == (
        table["title_zh"], table["columns"], table["rows"])
    published = {item["id"]: item for item in CATALOGUE["indicators"] if item["id"] in IDS}
    produced = {item["id"]: item for group in (SCAM, SEMINARS) for item in group.snapshot(H1)}
    assert {key: (item["value"], item["unit"]) for key, item in produced.items()} == {
        key: (item["value"], item["unit"]) for key, item in published.items()}


def test_the_halves_around_it_count_their_own_records():
    demo.load()
    rows = DiscriminationComplaints().compute(H2)
    # 2020H2: 21 harassment; gender 11, age 3 + the one filed on 1 July, disability 1, religion and para. 2 acts → 其他.
    assert rows[0].values == [21, 11, 4, 1, 0, 0, 3, 40]
    assert _indicators(H2) == {
        "employment.scam_complaints.cases": 15, "employment.scam_complaints.consultations": 27,
        "employment.anti_discrimination_seminars.sessions": 1,
        "employment.anti_discrimination_seminars.participants": 61,
    }
    assert DiscriminationComplaints().compute(HalfYear(2019, 2))[0].values == [18, 9, 5, 0, 0, 0, 2, 34]


def _complaint(model, filed_on, **fields):
    from tests.employment.rights_factories import complaint

    return complaint(model, filed_on, **fields)


def test_a_complaint_with_two_grounds_counts_once_under_its_main_ground():
    _complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.GENDER, Ground.AGE], main_ground=Ground.AGE)
    assert DiscriminationComplaints().compute(H1)[0].values == [0, 0, 1, 0, 0, 0, 0, 1]


def test_sexual_orientation_counts_as_gender_and_para_2_acts_as_other():
    _complaint(DiscriminationComplaint, date(2020, 2, 1), grounds=[Ground.SEXUAL_ORIENTATION],
               main_ground=Ground.SEXUAL_ORIENTATION)
    _complaint(DiscriminationComplaint, date(2020, 2, 2), grounds=[], other_acts=["no_pay_range"],
               main_ground=OTHER_ACTS)
    _complaint(DiscriminationComplaint, date(2020, 2, 3), grounds=[Ground.BLOOD_TYPE], main_ground=Ground.BLOOD_TYPE)
    assert DiscriminationComplaints().compute(H1)[0].values == [0, 1, 0, 0, 0, 0, 2, 3]


def test_the_last_day_of_june_counts_in_the_first_half_and_the_first_of_july_in_the_second():
    _complaint(HarassmentComplaint, date(2020, 6, 30))
    _complaint(HarassmentComplaint, date(2020, 7, 1))
    _complaint(ScamComplaint, date(2020, 7, 1))
    ScamConsultation.objects.create(consulted_on=date(2020, 7, 1), channel="phone", topic="fees")
    AntiDiscriminationSeminar.objects.create(title="宣導會", held_on=date(2020, 7, 1), place="高雄", participants=30)
    assert DiscriminationComplaints().compute(H1)[0].values == [1, 0, 0, 0, 0, 0, 0, 1]
    assert all(value == 0 for value in _indicators(H1).values())
    assert DiscriminationComplaints().compute(H2)[0].values == [1, 0, 0, 0, 0, 0, 0, 1]
    assert _indicators(H2)["employment.scam_complaints.cases"] == 1


def test_withdrawn_complaints_were_received_and_count():
    _complaint(DiscriminationComplaint, date(2020, 5, 1), grounds=[Ground.AGE], main_ground=Ground.AGE,
               status=ComplaintStatus.WITHDRAWN, concluded_on=date(2020, 5, 10))
    assert DiscriminationComplaints().compute(H1)[0].values == [0, 0, 1, 0, 0, 0, 0, 1]


def test_seminar_sessions_and_participants_are_summed():
    AntiDiscriminationSeminar.objects.create(title="A", held_on=date(2020, 3, 1), place="高雄", sessions=2,
                                             participants=80)
    AntiDiscriminationSeminar.objects.create(title="B", held_on=date(2020, 4, 1), place="鳳山", participants=20)
    values = _indicators(H1)
    assert values["employment.anti_discrimination_seminars.sessions"] == 3
    assert values["employment.anti_discrimination_seminars.participants"] == 100


def test_each_table_is_counted_in_few_queries(django_assert_max_num_queries):
    demo.load()
    # One aggregate over discrimination complaints, one count of harassment complaints.
    with django_assert_max_num_queries(2):
        DiscriminationComplaints().compute(H1)
    # One aggregate per model: complaints, consultations, seminars.
    with django_assert_max_num_queries(3):
        _indicators(H1)


def test_the_demo_has_its_edge_cases():
    demo.load()
    late = HarassmentComplaint.objects.get(filed_on=date(2025, 3, 10))
    assert late.appears_late and late.filing_deadline < late.filed_on
    assert DiscriminationComplaint.objects.filter(grounds=[Ground.GENDER, Ground.MARITAL_STATUS]).count() == 1
    assert DiscriminationComplaint.objects.filter(filed_on=date(2020, 6, 30)).exists()
    assert DiscriminationComplaint.objects.filter(status=ComplaintStatus.WITHDRAWN).exists()
    # Numbered as filings are: one sequence per kind and ROC year, in filing order.
    numbers = list(DiscriminationComplaint.objects.filter(filed_on__year=2020).order_by("filed_on", "case_number")
                   .values_list("case_number", flat=True))
    assert numbers[0] == "109-E-000001" and numbers == sorted(numbers)
