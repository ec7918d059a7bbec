"""Small builders of the job centre's records for tests (through the models' save, so derived fields are set)."""

from datetime import date
from itertools import count

from employment.demo_job_centre import personal_id
from employment.models import (
    EmploymentStation,
    EmploymentType,
    JobSeekerRegistration,
    OccupationGroup,
    Referral,
    Vacancy,
    VacancyReview,
)
from labor_portal.core.districts import District

_numbers = count(1)


def seeker(*, registered_on=date(2020, 3, 1), birth_date=date(1990, 5, 5), name="王小明", same_as=None, **fields):
    n = next(_numbers)
    return JobSeekerRegistration.objects.create(
        number=f"T-S-{n:06d}", registered_on=registered_on, station=EmploymentStation.QIANZHEN, name=name,
        personal_id=personal_id(n), birth_date=birth_date, **fields)


def vacancy(*, openings=1, registered_on=date(2020, 3, 1), review=VacancyReview.PUBLISHED, **fields):
    n = next(_numbers)
    values = {
        "number": f"T-V-{n:06d}", "registered_on": registered_on, "station": EmploymentStation.SANMIN,
        "employer_name": "港都精密工業有限公司", "job_title": "作業員", "occupation": OccupationGroup.OPERATORS,
        "district": District.QIANZHEN, "openings": openings, "employment_type": EmploymentType.FULL_TIME,
        "pay_min": 28_000, "pay_max": 32_000, "review": review, **fields,
    }
    return Vacancy.objects.create(**values)


def referral(registration, vacancy, referred_on, outcome="", outcome_on=None):
    n = next(_numbers)
    return Referral.objects.create(card_number=f"T-R-{n:06d}", registration=registration, vacancy=vacancy,
                                   referred_on=referred_on, outcome=outcome, outcome_on=outcome_on)
