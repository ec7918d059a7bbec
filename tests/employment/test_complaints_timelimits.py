"""The time limits of a sexual-harassment complaint (Act of Gender Equality in Employment art. 32-1), on dated
examples: each rule, the Civil Code's counting (the event's day not counted; 29 February), and the dated data."""

from datetime import date

import pytest

from employment.models import HarassmentTimeLimit, TimeLimitRule
from employment.timelimits import harassment_filing_deadline, last_day_of_years, years_after

pytestmark = pytest.mark.django_db

FILED = date(2025, 1, 15)


def deadline(**kwargs):
    return harassment_filing_deadline(filed_on=kwargs.pop("filed_on", FILED), **kwargs)


def test_two_years_run_from_the_day_after_learning_and_end_on_the_same_date():
    assert years_after(date(2023, 3, 10), 2) == date(2025, 3, 10)


def test_leap_day_event_ends_on_28_february():
    # Learned on 29 Feb 2024: the period starts 1 March, ends the day before 1 March 2026.
    assert years_after(date(2024, 2, 29), 2) == date(2026, 2, 28)
    # Learned on 28 Feb 2022: the period starts 1 March 2022, and ends on 29 Feb 2024 (a leap year).
    assert years_after(date(2022, 2, 28), 2) == date(2024, 2, 29)
    # A period whose first day is 29 Feb ends with February of a year without one.
    assert last_day_of_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_plain_rule_the_earlier_of_two_years_from_learning_and_five_from_the_act():
    result = deadline(learned_on=date(2024, 5, 1), act_ended_on=date(2024, 4, 1))
    assert result.last_day == date(2026, 5, 1) and "第2項第1款" in result.basis
    # Learned late: five years from the act end it first.
    result = deadline(learned_on=date(2028, 1, 1), act_ended_on=date(2024, 4, 1), filed_on=date(2028, 2, 1))
    assert result.last_day == date(2029, 4, 1)


def test_abused_power_gives_three_and_seven_years():
    assert deadline(learned_on=date(2024, 5, 1), act_ended_on=date(2024, 4, 1),
                    abused_power=True).last_day == date(2027, 5, 1)
    assert deadline(learned_on=date(2030, 1, 1), act_ended_on=date(2024, 4, 1), abused_power=True,
                    filed_on=date(2030, 2, 1)).last_day == date(2031, 4, 1)


@pytest.mark.parametrize(("filed_on", "late"), [(date(2026, 5, 1), False), (date(2026, 5, 2), True)])
def test_in_time_on_the_last_day_late_the_day_after(filed_on, late):
    result = deadline(learned_on=date(2024, 5, 1), act_ended_on=date(2024, 5, 1), filed_on=filed_on)
    assert result.is_late(filed_on) is late


def test_a_minor_victim_has_three_years_from_majority_when_that_is_longer():
    # Born 2008-05-10: 18 on 2026-05-10 (minority ends 2026-05-09); three years: to 2029-05-09.
    result = deadline(learned_on=date(2024, 6, 1), act_ended_on=date(2024, 6, 1), victim_was_minor=True,
                      birth_date=date(2008, 5, 10))
    assert result.last_day == date(2029, 5, 9) and "第3項第1款" in result.basis
    # Without the minor rule: two years from learning.
    assert deadline(learned_on=date(2024, 6, 1), act_ended_on=date(2024, 6, 1)).last_day == date(2026, 6, 1)


def test_the_minor_rule_never_shortens_the_general_one():
    # Harassed a month before turning 18, by someone abusing power: three years from majority is longer.
    result = deadline(learned_on=date(2024, 6, 1), act_ended_on=date(2024, 6, 1), victim_was_minor=True,
                      birth_date=date(2006, 7, 1), abused_power=True)
    # Majority 2024-07-01 → to 2027-06-30; the power rule gives 2027-06-01: the longer applies.
    assert result.last_day == date(2027, 6, 30)
    result = deadline(learned_on=date(2024, 6, 1), act_ended_on=date(2024, 6, 1), victim_was_minor=True,
                      birth_date=date(2000, 1, 1))
    assert result.last_day == date(2026, 6, 1)


def test_top_manager_one_year_after_leaving_capped_at_ten_years_from_the_act():
    base = {"learned_on": date(2024, 4, 1), "act_ended_on": date(2024, 4, 1), "respondent_is_top_manager": True}
    # Left on 2027-08-31: a year from leaving (to 2028-08-31) is longer than two from learning.
    result = deadline(**base, left_job_on=date(2027, 8, 31), filed_on=date(2028, 1, 1))
    assert result.last_day == date(2028, 8, 31) and "第3項第2款" in result.basis
    # Left nine and a half years after the act: the ten-year cap ends it.
    result = deadline(**base, left_job_on=date(2033, 10, 1), filed_on=date(2034, 1, 1))
    assert result.last_day == date(2034, 4, 1)
    # Still employed: the year after leaving has not begun; only the cap applies.
    assert deadline(**base, filed_on=date(2030, 1, 1)).last_day == date(2034, 4, 1)


def test_a_top_manager_who_left_early_keeps_the_general_rule_when_longer():
    result = deadline(learned_on=date(2024, 4, 1), act_ended_on=date(2024, 4, 1), respondent_is_top_manager=True,
                      left_job_on=date(2024, 5, 1))
    assert result.last_day == date(2026, 4, 1)


def test_limits_are_dated_data_an_amendment_applies_from_its_date():
    HarassmentTimeLimit.objects.create(rule=TimeLimitRule.LEARNED, years=4, valid_from=date(2026, 1, 1),
                                       citation="修正條文")
    before = deadline(learned_on=date(2024, 5, 1), act_ended_on=date(2024, 5, 1), filed_on=date(2025, 12, 31))
    after = deadline(learned_on=date(2024, 5, 1), act_ended_on=date(2024, 5, 1), filed_on=date(2026, 1, 2))
    assert before.last_day == date(2026, 5, 1)
    assert after.last_day == date(2028, 5, 1) and after.basis == "修正條文"


def test_no_limits_before_the_article_was_in_force():
    result = deadline(learned_on=date(2020, 5, 1), act_ended_on=date(2020, 5, 1), filed_on=date(2024, 3, 7))
    assert result.last_day is None and not result.is_late(date(2024, 3, 7))
