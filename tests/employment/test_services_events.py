"""The job centre's events and programme enrolments: each kind counted under its own figures, in the half it was
held, with the fields its kind must and must not have; the rates rounded half up."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from employment.models import EventKind, Programme, ProgrammeEnrolment, ServiceEvent
from employment.reports_services import ProgrammeFigures, ServiceEventFigures
from labor_portal.core.periods import HalfYear

pytestmark = pytest.mark.django_db
H1 = HalfYear(2020, 1)
K = EventKind


def _event(kind, held_on=date(2020, 3, 2), **counts):
    fields = {"kind": kind, "title": "活動", "held_on": held_on, "place": "前鎮就業服務站", **counts}
    event = ServiceEvent(**fields)
    event.full_clean()
    event.save()
    return event


def _figures(period=H1):
    return ServiceEventFigures().compute(period)


FAIR = {"employers": 10, "openings": 200, "resumes": 50, "matched": 20}


def test_fairs_of_every_size_count_together_and_nothing_else_does():
    _event(K.JOB_FAIR_LARGE, **FAIR, participants=900)
    _event(K.JOB_FAIR_MEDIUM, **FAIR)
    _event(K.JOB_FAIR_SMALL, **FAIR)
    _event(K.JOB_FAIR_SINGLE, employers=1, openings=12, resumes=9, matched=4)
    _event(K.JOB_FAIR_SMALL, date(2020, 7, 1), **FAIR)  # the next half
    _event(K.JOB_FAIR_SMALL, date(2019, 12, 31), **FAIR)  # the half before
    _event(K.DIRECT_BUS, employers=1, participants=18, matched=5)  # not a fair: its matches are not the fairs'
    _event(K.VIDEO_INTERVIEW, employers=2, participants=8)
    values = _figures()
    assert {key.rsplit(".", 1)[1]: value for key, value in values.items() if ".job_fairs." in key} == {
        "events": 4, "employers": 31, "openings": 612, "resumes": 159, "matched": 64, "match_rate": 40.25}
    assert values["employment.direct_bus.sessions"] == 1
    assert values["employment.video_interviews.sessions"] == 1


def test_sessions_are_summed_so_a_series_held_as_one_counts_its_sessions():
    _event(K.UNEMPLOYED_WORKSHOP, sessions=4, participants=60)  # a growth group of four meetings
    _event(K.UNEMPLOYED_WORKSHOP, participants=25)
    _event(K.DISADVANTAGED, sessions=2, participants=30)
    values = _figures()
    assert (values["employment.unemployed_workshops.sessions"], values["employment.unemployed_workshops.served"]) == (5, 85)
    assert (values["employment.disadvantaged.sessions"], values["employment.disadvantaged.served"]) == (2, 30)
    assert values["employment.prison.sessions"] == 0


def test_each_kind_counts_under_its_own_figures_only():
    _event(K.MOBILE_VAN, consultations=22, referrals=8)
    _event(K.MOBILE_VAN, date(2020, 6, 30), consultations=18, referrals=7)  # the half's last day
    _event(K.MOBILE_VAN, date(2020, 7, 1), consultations=30, referrals=9)
    _event(K.CAMPUS, school="義守大學", participants=40)
    _event(K.YOUTH_WINNER, date(2020, 4, 20), participants=33)
    _event(K.PRISON, participants=12)
    _event(K.TRAINEE_VOLUNTEERING, participants=50)
    values = _figures()
    expected = {
        "employment.mobile_van.trips": 2, "employment.mobile_van.consultations": 40, "employment.mobile_van.referrals": 15,
        "employment.youth.campus_events": 1, "employment.youth.campus_reach": 40,
        "employment.youth.winner_sessions": 1, "employment.youth.winner_participants": 33,
        "employment.prison.sessions": 1, "employment.prison.served": 12,
        "employment.trainee_volunteering.events": 1, "employment.trainee_volunteering.served": 50,
        "employment.disadvantaged.served": 0, "employment.job_fairs.events": 0, "employment.job_fairs.match_rate": 0,
    }
    assert {key: values[key] for key in expected} == expected
    assert _figures(HalfYear(2020, 2))["employment.mobile_van.trips"] == 1


def test_all_the_events_figures_are_one_query(django_assert_num_queries):
    _event(K.MOBILE_VAN, consultations=1, referrals=1)
    with django_assert_num_queries(1):
        _figures()


@pytest.mark.parametrize(("matched", "resumes", "rate"), [
    (2875, 6202, 46.36),  # the report's
    (1, 8, 12.5),
    (9, 16, 56.25),
    (1, 3, 33.33),
    (2, 3, 66.67),
    (5, 40000, 0.01),  # 0.0125 → 0.01
    (3, 20000, 0.02),  # 0.015 → 0.02: half up, not to even
])
def test_the_match_rate_is_rounded_half_up_to_two_decimals(matched, resumes, rate):
    _event(K.JOB_FAIR_SMALL, employers=1, openings=1, resumes=resumes, matched=matched)
    assert _figures()["employment.job_fairs.match_rate"] == rate


# --- What each kind must and must not have -------------------------------------------------------------------------


def _problems(**fields) -> dict:
    event = ServiceEvent(title="活動", held_on=date(2020, 3, 2), place="某處", **fields)
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


def test_a_fair_needs_its_employers_openings_resumes_and_matches():
    assert set(_problems(kind=K.JOB_FAIR_MEDIUM, employers=3)) == {"openings", "resumes", "matched"}


def test_a_count_the_kind_does_not_have_must_stay_empty():
    problems = _problems(kind=K.PRISON, participants=20, resumes=4, consultations=3)
    assert set(problems) == {"resumes", "consultations"}
    assert "入監就業宣導" in problems["resumes"][0]


def test_a_campus_event_names_its_school_and_a_van_trip_its_consultations():
    assert set(_problems(kind=K.CAMPUS, participants=20)) == {"school"}
    assert set(_problems(kind=K.MOBILE_VAN, consultations=3)) == {"referrals"}


def test_matches_cannot_exceed_the_resumes():
    assert set(_problems(kind=K.JOB_FAIR_SMALL, employers=1, openings=5, resumes=3, matched=4)) == {"matched"}


def test_zero_is_a_count_not_an_empty_field():
    _event(K.VIDEO_INTERVIEW, employers=1, participants=0)
    assert _figures()["employment.video_interviews.sessions"] == 1


# --- Programme enrolments ------------------------------------------------------------------------------------------


def _enrolment(programme, recorded_on=date(2020, 5, 14), **fields):
    record = ProgrammeEnrolment(programme=programme, recorded_on=recorded_on, unit="前鎮就業服務站", **fields)
    record.full_clean()
    record.save()
    return record


def test_programmes_count_their_own_figures_and_a_redesigned_firm_once():
    _enrolment(Programme.RESTART, quota=100, people=95)
    _enrolment(Programme.RESTART, quota=50, people=48)
    _enrolment(Programme.RESTART, date(2020, 7, 1), quota=999, people=1)  # the next half
    _enrolment(Programme.WARM_HEART, applicants=60, people=40)
    _enrolment(Programme.MIDDLE_AGED_SUBSIDY, people=12)
    _enrolment(Programme.JOB_REDESIGN, employer_name="甲公司", business_number="04595257", people=20)
    _enrolment(Programme.JOB_REDESIGN, employer_name="甲公司", business_number="04595257", people=5)
    _enrolment(Programme.JOB_REDESIGN, employer_name="乙公司", business_number="22099131", people=7)
    _enrolment(Programme.SILVER_CENTRE, people=300, vacancies=250)
    values = ProgrammeFigures().compute(H1)
    assert values == {
        "employment.restart_program.quota": 150, "employment.restart_program.working": 143,
        "employment.restart_program.rate": 95.3,  # 95.333 → 95.3
        "employment.warm_heart_program.applicants": 60, "employment.warm_heart_program.hired": 40,
        "employment.middle_aged.subsidised": 12, "employment.middle_aged.redesign_firms": 2,
        "employment.middle_aged.redesign_workers": 32,
        "employment.silver_centre.people": 300, "employment.silver_centre.vacancies": 250,
    }


@pytest.mark.parametrize(("working", "quota", "rate"), [
    (1788, 1877, 95.3), (1, 8, 12.5), (3, 16, 18.8), (1, 16, 6.3), (0, 10, 0.0), (10, 10, 100.0)])
def test_the_restart_rate_is_rounded_half_up_to_one_decimal(working, quota, rate):
    _enrolment(Programme.RESTART, quota=quota, people=working)
    assert ProgrammeFigures().compute(H1)["employment.restart_program.rate"] == rate


def test_a_programme_record_has_what_its_programme_counts():
    record = ProgrammeEnrolment(programme=Programme.WARM_HEART, recorded_on=date(2020, 5, 14), unit="站",
                                applicants=10, people=12, vacancies=3)
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert set(caught.value.message_dict) == {"people", "vacancies"}
    redesign = ProgrammeEnrolment(programme=Programme.JOB_REDESIGN, recorded_on=date(2020, 5, 14), unit="站", people=3)
    with pytest.raises(ValidationError) as caught:
        redesign.full_clean()
    assert set(caught.value.message_dict) == {"employer_name", "business_number"}
