"""When a sexual-harassment complaint to the city is out of time (Act of Gender Equality in Employment art. 32-1).

The limits are dated data (employment.models.HarassmentTimeLimit, editable in the admin): those in force on the
filing day apply. Periods are counted as the Civil Code counts them: the day of the event is not counted
(art. 120 para. 2), and a period of years ends on the day before the corresponding day of its last year, or at
the end of that month when it has no such day (art. 121 para. 2); an age counts from the day of birth
(art. 124).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from employment.models import HarassmentTimeLimit, TimeLimitRule

# The rules without which nothing can be said.
BASE_RULES = (TimeLimitRule.LEARNED, TimeLimitRule.ACT_ENDED, TimeLimitRule.LEARNED_POWER,
              TimeLimitRule.ACT_ENDED_POWER)


def last_day_of_years(first_day: date, years: int) -> date:
    """The last day of a period of `years` years whose first day is `first_day` (Civil Code art. 121 para. 2)."""
    try:
        return date(first_day.year + years, first_day.month, first_day.day) - timedelta(days=1)
    except ValueError:  # 29 February in a year without one: the period ends with February
        return date(first_day.year + years, 2, 28)


def years_after(event: date, years: int) -> date:
    """The last day of `years` years counted from `event`, the event's own day not counted (art. 120 para. 2)."""
    return last_day_of_years(event + timedelta(days=1), years)


def limits_on(day: date) -> dict[str, tuple[int, str]]:
    """{rule: (years, citation)} of the limits in force on `day` (one query; the table holds a few rows)."""
    limits: dict[str, tuple[int, str]] = {}
    for rule, years, citation in (HarassmentTimeLimit.objects.filter(valid_from__lte=day)
                                  .order_by("rule", "-valid_from").values_list("rule", "years", "citation")):
        limits.setdefault(rule, (years, citation))
    return limits


@dataclass(frozen=True)
class FilingDeadline:
    """The last day to file (None when no limits were in force on the filing day) and the rule it comes from."""

    last_day: date | None
    basis: str = ""

    def is_late(self, filed_on: date) -> bool:
        # Not late on the last day itself.
        return self.last_day is not None and filed_on > self.last_day


def harassment_filing_deadline(*, filed_on: date, learned_on: date, act_ended_on: date, abused_power: bool = False,
                               victim_was_minor: bool = False, birth_date: date | None = None,
                               respondent_is_top_manager: bool = False, left_job_on: date | None = None,
                               limits: dict | None = None) -> FilingDeadline:
    """The last day a complaint may be filed, under the limits in force on `filed_on`.

    Para. 2: within 2 years of learning of it and 5 years of the act's end (3 and 7 where the respondent abused
    power): the earlier of the two. Para. 3: a victim who was a minor may file within 3 years of majority; where
    the respondent is the top manager or the employer, within 1 year of leaving the job (while still employed,
    no such year has begun), never more than 10 years after the act. A para. 3 rule applies only where it gives
    longer than para. 2 (its proviso).
    """
    limits = limits_on(filed_on) if limits is None else limits
    if any(rule not in limits for rule in BASE_RULES):
        return FilingDeadline(None)
    learned_rule, act_rule = ((TimeLimitRule.LEARNED_POWER, TimeLimitRule.ACT_ENDED_POWER) if abused_power
                              else (TimeLimitRule.LEARNED, TimeLimitRule.ACT_ENDED))
    candidates = [
        (years_after(learned_on, limits[learned_rule][0]), limits[learned_rule][1]),
        (years_after(act_ended_on, limits[act_rule][0]), limits[act_rule][1]),
    ]
    # Both limits of para. 2 hold at once: the earlier ends the period.
    best = min(candidates, key=lambda candidate: candidate[0])
    specials = []
    if (victim_was_minor and birth_date and TimeLimitRule.AGE_OF_MAJORITY in limits
            and TimeLimitRule.AFTER_MAJORITY in limits):
        minority_ends = last_day_of_years(birth_date, limits[TimeLimitRule.AGE_OF_MAJORITY][0])
        years, citation = limits[TimeLimitRule.AFTER_MAJORITY]
        specials.append((years_after(minority_ends, years), citation))
    if respondent_is_top_manager and TimeLimitRule.TOP_MANAGER_CAP in limits:
        cap_years, citation = limits[TimeLimitRule.TOP_MANAGER_CAP]
        cap = years_after(act_ended_on, cap_years)
        if left_job_on is not None and TimeLimitRule.AFTER_LEAVING in limits:
            years, citation = limits[TimeLimitRule.AFTER_LEAVING]
            specials.append((min(years_after(left_job_on, years), cap), citation))
        else:
            specials.append((cap, citation))
    for special in specials:
        if special[0] > best[0]:
            best = special
    return FilingDeadline(*best)


# The limits as the Act has them since its 2023 amendment came into force (and the Civil Code's age of majority):
# seeded by the migration; an administrator adds a row from an amendment's date.
IN_FORCE_2024 = date(2024, 3, 8)
ART_32_1 = "性別平等工作法第32條之1"
SEED_LIMITS = [
    (TimeLimitRule.LEARNED, 2, IN_FORCE_2024, f"{ART_32_1}第2項第1款"),
    (TimeLimitRule.ACT_ENDED, 5, IN_FORCE_2024, f"{ART_32_1}第2項第1款"),
    (TimeLimitRule.LEARNED_POWER, 3, IN_FORCE_2024, f"{ART_32_1}第2項第2款"),
    (TimeLimitRule.ACT_ENDED_POWER, 7, IN_FORCE_2024, f"{ART_32_1}第2項第2款"),
    (TimeLimitRule.AFTER_MAJORITY, 3, IN_FORCE_2024, f"{ART_32_1}第3項第1款"),
    (TimeLimitRule.AFTER_LEAVING, 1, IN_FORCE_2024, f"{ART_32_1}第3項第2款"),
    (TimeLimitRule.TOP_MANAGER_CAP, 10, IN_FORCE_2024, f"{ART_32_1}第3項第2款但書"),
    (TimeLimitRule.AGE_OF_MAJORITY, 20, date(1930, 5, 5), "民法第12條（2023年1月1日修正前）"),
    (TimeLimitRule.AGE_OF_MAJORITY, 18, date(2023, 1, 1), "民法第12條"),
]


def harassment_time_limits_seed(apps) -> None:
    """Insert SEED_LIMITS (a data migration calls this with its historical registry)."""
    model = apps.get_model("employment", "HarassmentTimeLimit")
    for rule, years, valid_from, citation in SEED_LIMITS:
        model.objects.get_or_create(rule=rule, valid_from=valid_from,
                                    defaults={"years": years, "citation": citation})
