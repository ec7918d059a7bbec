"""The employment-rights figures of the report (四(一)1): each record counts in the half it was received in, once
(on the demo records: test_demo_employment.py)."""

from datetime import date

import pytest

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
IDS = ("employment.scam_complaints.cases", "employment.scam_complaints.consultations",
       "employment.anti_discrimination_seminars.sessions", "employment.anti_discrimination_seminars.participants")


def _indicators(period):
    return {**SCAM.compute(period), **SEMINARS.compute(period)}


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


