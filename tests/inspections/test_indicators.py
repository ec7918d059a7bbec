"""The inspections indicators: fatalities against the three previous years, and what each one counts."""

from datetime import date

import pytest

from inspections.models import Law, PenaltyStatus
from inspections.reports import (
    LABOR_CONDITIONS,
    OSH,
    Fatalities,
    SafetyFamilies,
    VolunteerRecruitment,
)
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import ratio

from .factories import (
    ComplianceCounsellingFactory,
    EstablishmentFactory,
    LaborInspectionFactory,
    OccupationalAccidentFactory,
    SafetyFamilyFactory,
    SafetyFamilyMemberFactory,
    StopWorkOrderFactory,
    ViolationFactory,
    VolunteerFactory,
)

H1_2020 = HalfYear(2020, 1)


def deaths_on(day: date, deaths: int):
    OccupationalAccidentFactory(occurred_on=day, deaths=deaths)


@pytest.mark.django_db
def test_fatalities_against_the_rounded_mean_of_the_same_half_in_three_previous_years():
    deaths_on(date(2020, 1, 1), 5)
    deaths_on(date(2020, 6, 30), 2)
    deaths_on(date(2017, 1, 1), 10)  # 2017H1, first day
    deaths_on(date(2018, 6, 30), 11)  # 2018H1, last day
    deaths_on(date(2019, 3, 3), 10)
    # Not the three previous first halves: a second half, the fourth year back, the next half-year.
    deaths_on(date(2019, 7, 1), 50)
    deaths_on(date(2016, 6, 30), 50)
    deaths_on(date(2020, 7, 1), 50)
    values = Fatalities().compute(H1_2020)
    assert values["inspections.osh.fatalities"] == 7
    assert values["inspections.osh.fatalities_prior3_avg"] == 10  # 31 / 3 = 10.33


def test_the_mean_is_rounded_half_up():
    assert ratio(68, 3) == 23
    assert ratio(67, 3) == 22
    assert ratio(45, 2) == 23
    assert ratio(0, 3) == 0


@pytest.mark.django_db
def test_fatalities_count_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        Fatalities().compute(H1_2020)


@pytest.mark.django_db
def test_establishments_inspected_or_counselled_twice_count_once():
    firm = EstablishmentFactory()
    LaborInspectionFactory(establishment=firm, inspected_on=date(2020, 1, 5))
    LaborInspectionFactory(establishment=firm, inspected_on=date(2020, 5, 5))
    LaborInspectionFactory(inspected_on=date(2020, 7, 1))
    ComplianceCounsellingFactory(establishment=firm)
    ComplianceCounsellingFactory(establishment=firm)
    values = LABOR_CONDITIONS.compute(H1_2020)
    assert values["inspections.labor_conditions.establishments"] == 1
    assert values["inspections.labor_conditions.counselled"] == 1


@pytest.mark.django_db
def test_osh_fines_count_every_osh_decision_of_the_period_and_stop_work_orders_by_date():
    ViolationFactory(law=Law.OCCUPATIONAL_SAFETY, article=6)
    ViolationFactory(law=Law.OCCUPATIONAL_SAFETY, article=6, status=PenaltyStatus.UNDER_APPEAL)
    ViolationFactory(law=Law.OCCUPATIONAL_SAFETY, article=6, decided_on=date(2020, 7, 1))
    ViolationFactory(law=Law.LABOR_STANDARDS)
    StopWorkOrderFactory(ordered_on=date(2020, 6, 30))
    StopWorkOrderFactory(ordered_on=date(2019, 12, 31))
    values = OSH.compute(H1_2020)
    assert values["inspections.osh.fines"] == 2
    assert values["inspections.osh.stop_work_orders"] == 1


@pytest.mark.django_db
def test_volunteers_recruited_in_the_year_up_to_the_period_end():
    VolunteerFactory(recruited_on=date(2020, 1, 1))
    VolunteerFactory(recruited_on=date(2019, 12, 31))
    VolunteerFactory(recruited_on=date(2020, 7, 1))
    assert VolunteerRecruitment().compute(H1_2020) == {"inspections.osh_counselling.volunteers": 1}
    assert VolunteerRecruitment().compute(HalfYear(2020, 2)) == {"inspections.osh_counselling.volunteers": 2}


@pytest.mark.django_db
def test_safety_families_and_their_members_on_the_last_day():
    family = SafetyFamilyFactory()
    SafetyFamilyMemberFactory.create_batch(3, family=family)
    SafetyFamilyMemberFactory(family=family, joined_on=date(2020, 7, 1))
    gone = SafetyFamilyFactory(dissolved_on=date(2020, 6, 30))
    SafetyFamilyMemberFactory(family=gone)
    SafetyFamilyFactory(founded_on=date(2020, 7, 1))
    assert SafetyFamilies().compute(H1_2020) == {
        "inspections.safety_families.families": 1, "inspections.safety_families.members": 3}
