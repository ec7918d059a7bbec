"""身權法 art. 38 on worked examples: who is obliged, how many it must employ, how its employees count."""

from datetime import date

import pytest

from disability_services.quota import QuotaRules, QuotaStatus, assess, counted

# The rules in force in 2020 (the migration's LegalRule rows); the base wage NT$23,800.
RULES_2020 = QuotaRules(public_threshold=34, public_rate_bp=300, private_threshold=67, private_rate_bp=100,
                        private_minimum=1, base_wage=23_800)


@pytest.mark.django_db
def test_the_rules_in_force_come_from_the_dated_legal_rules():
    assert QuotaRules.on(date(2020, 6, 1)) == RULES_2020
    # The base wage is dated: 23,100 in 2019, 24,000 in 2021.
    assert QuotaRules.on(date(2019, 12, 1)).base_wage == 23_100
    assert QuotaRules.on(date(2021, 1, 1)).base_wage == 24_000


@pytest.mark.parametrize(("public", "staff", "obliged", "required"), [
    (True, 34, True, 1),    # 34 × 3 % = 1.02 → 1
    (True, 33, False, 0),   # below the public threshold
    (True, 66, True, 1),    # 1.98 → 1: rounded down
    (True, 67, True, 2),    # 2.01 → 2
    (True, 100, True, 3),
    (False, 67, True, 1),   # 0.67 → 0, but at least 1
    (False, 66, False, 0),  # below the private threshold
    (False, 199, True, 1),  # 1.99 → 1
    (False, 200, True, 2),
    (False, 1_250, True, 12),  # 12.5 → 12
])
def test_who_is_obliged_and_how_many_it_must_employ(public, staff, obliged, required):
    result = assess(RULES_2020, public=public, headcount=staff, disabled=0)
    assert (result.obliged, result.required) == (obliged, required)


def test_a_severely_disabled_employee_counts_two():
    assert counted(disabled=3, severe=1) == 4


def test_two_part_timers_paid_half_the_base_wage_count_one_and_an_odd_one_nothing():
    assert counted(disabled=0, part_timers=2) == 1
    assert counted(disabled=0, part_timers=3) == 1
    assert counted(disabled=1, part_timers=1) == 1
    # A severely disabled part-timer counts 2 × ½ = 1 alone.
    assert counted(disabled=0, part_timers=1, severe_part_timers=1) == 1


def test_staff_paid_below_the_base_wage_do_not_count():
    # The roster keeps them apart (below_wage): only those at or above the wage are in `disabled`.
    assert assess(RULES_2020, public=False, headcount=150, disabled=0).status == QuotaStatus.BELOW


@pytest.mark.parametrize(("disabled", "severe", "status", "shortfall", "payment"), [
    (3, 0, QuotaStatus.AT, 0, 0),
    (4, 0, QuotaStatus.ABOVE, 0, 0),
    (2, 1, QuotaStatus.AT, 0, 0),  # one of the two severely disabled: 1 + 2 = 3
    (3, 1, QuotaStatus.ABOVE, 0, 0),
    (1, 0, QuotaStatus.BELOW, 2, 47_600),
    (0, 0, QuotaStatus.BELOW, 3, 71_400),
])
def test_status_shortfall_and_its_monthly_payment(disabled, severe, status, shortfall, payment):
    # A public school with 100 staff must employ 3.
    result = assess(RULES_2020, public=True, headcount=100, disabled=disabled, severe=severe)
    assert (result.status, result.shortfall, result.monthly_payment) == (status, shortfall, payment)


def test_an_employer_above_quota_has_persons_for_a_reward_and_no_payment():
    result = assess(RULES_2020, public=False, headcount=500, disabled=8, severe=2)  # 5 required, 10 counted
    assert (result.required, result.counted, result.above_quota, result.monthly_payment) == (5, 10, 5, 0)


def test_an_employer_not_obliged_has_no_status_nor_shortfall():
    result = assess(RULES_2020, public=False, headcount=66, disabled=0)
    assert (result.status, result.shortfall) == (QuotaStatus.NOT_OBLIGED, 0)


@pytest.mark.django_db(transaction=True)
def test_the_rules_are_back_after_a_database_flush():
    # A live-server test flushes the database: the quota table must still find its rules afterwards.
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert QuotaRules.on(date(2020, 6, 1)) == RULES_2020
