"""The public quota calculator: no account, nothing stored, and the same answer as the register's for the same
roster."""

from datetime import date

import pytest
from django.urls import reverse

from disability_services.models import MonthlyRoster, QuotaEmployer
from disability_services.quota import EmployerKind, QuotaRules
from disability_services.views import calculate

from .factories import MonthlyRosterFactory, QuotaEmployerFactory

pytestmark = pytest.mark.django_db
URL = "/disability_services/quota-calculator/"

ROSTERS = [
    (EmployerKind.PUBLIC_AGENCY, 34, 0, 0, 0, 0),
    (EmployerKind.PUBLIC_SCHOOL, 33, 0, 0, 0, 0),
    (EmployerKind.STATE_ENTERPRISE, 250, 5, 2, 3, 1),
    (EmployerKind.PRIVATE_BUSINESS, 67, 0, 0, 2, 0),
    (EmployerKind.PRIVATE_BUSINESS, 66, 1, 0, 0, 0),
    (EmployerKind.ASSOCIATION, 1_250, 4, 1, 5, 2),
    (EmployerKind.PRIVATE_SCHOOL, 300, 3, 0, 1, 0),
]


def test_the_calculator_is_public_and_linked_from_the_front_page(client):
    assert reverse("disability_services:quota-calculator") == URL
    assert client.get(URL).status_code == 200
    assert URL in client.get("/").content.decode()


@pytest.mark.parametrize(("kind", "staff", "disabled", "severe", "part", "severe_part"), ROSTERS)
def test_the_calculator_answers_as_the_register_for_the_same_roster(kind, staff, disabled, severe, part, severe_part):
    june = date(2020, 6, 1)
    MonthlyRosterFactory(employer=QuotaEmployerFactory(kind=kind), month=june, insured_headcount=staff,
                         disabled=disabled, severe=severe, part_timers=part, severe_part_timers=severe_part)
    register = MonthlyRoster.objects.assessed(QuotaRules.on(june)).get()
    answer = calculate({"kind": kind, "month": june, "headcount": staff, "disabled": disabled, "severe": severe,
                        "part_timers": part, "severe_part_timers": severe_part})["assessment"]
    assert (answer.required, answer.counted, answer.status, answer.shortfall) == (
        register.required, register.credited, register.quota_status, register.shortfall)


def test_the_page_shows_the_shortfall_and_its_payment_and_stores_nothing(client):
    response = client.get(URL, {"kind": EmployerKind.PRIVATE_BUSINESS, "month": "2020-06-15", "headcount": 500,
                                "disabled": 1, "severe": 0, "part_timers": 0, "severe_part_timers": 0})
    page = response.content.decode()
    assert "不足額進用" in page
    assert "95,200" in page  # 4 missing × NT$23,800
    assert not QuotaEmployer.objects.exists() and not MonthlyRoster.objects.exists()


def test_the_page_shows_a_possible_reward_above_quota(client):
    response = client.get(URL, {"kind": EmployerKind.PUBLIC_AGENCY, "month": "2020-02-01", "headcount": 100,
                                "disabled": 4, "severe": 1, "part_timers": 0, "severe_part_timers": 0})
    page = response.content.decode()
    assert "超額進用" in page and "10,000" in page  # 5 counted, 3 required: 2 × NT$5,000
    assert "109年第1季" in page


def test_bad_input_gets_a_clear_message(client):
    response = client.get(URL, {"kind": EmployerKind.PUBLIC_AGENCY, "headcount": 50, "disabled": 1, "severe": 2,
                                "part_timers": 0, "severe_part_timers": 0})
    assert "重度以上人數不得多於身障全時員工人數" in response.content.decode()


def test_the_calculator_speaks_english_too(client):
    page = client.get(URL, {"kind": EmployerKind.PRIVATE_BUSINESS, "month": "2020-06-01", "headcount": 500,
                            "disabled": 1, "severe": 0, "part_timers": 0, "severe_part_timers": 0},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Disability employment quota calculator" in page
    assert "95,200 (base wage NT$23,800 × 4)" in page
