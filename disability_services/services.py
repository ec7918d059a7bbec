"""Writes of the vocational-rehabilitation section: deciding over-quota reward applications."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disability_services.models import MonthlyRoster, RewardApplication, RewardStatus
from disability_services.quota import Quarter, QuotaRules, QuotaStatus
from labor_portal.core.models import rule_on


def reward_rate(quarter: Quarter) -> int:
    """NT$ per person above quota for the quarter (the rate in force on the quarter's first day)."""
    return int(rule_on("disability_services.reward_per_person_quarter", quarter.start))


def reward_persons(*, employer, quarter: Quarter) -> int:
    """Persons above quota the employer kept through the whole quarter: the smallest monthly excess of its three
    rosters, 0 when a roster is missing or a month was not above quota."""
    excesses = []
    for month in quarter.months:
        rules = QuotaRules.on(month)
        row = (
            MonthlyRoster.objects.filter(employer=employer, month=month).assessed(rules)
            .values("quota_status", "credited", "required").first()
        )
        if row is None or row["quota_status"] != QuotaStatus.ABOVE:
            return 0
        excesses.append(row["credited"] - row["required"])
    return min(excesses)


def applications_close(quarter: Quarter) -> date:
    return quarter.applications_close(int(rule_on("disability_services.reward_application_months", quarter.end)))


@transaction.atomic
def reward_application_decide(*, application: RewardApplication, approve: bool, decided_on: date, user,
                              persons: int | None = None) -> RewardApplication:
    """Approve (persons × the quarter's rate; persons from the rosters unless the clerk gives them) or reject."""
    application = RewardApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != RewardStatus.SUBMITTED:
        raise ValidationError(_("此申請已核定，不得重複核定。"))
    quarter = Quarter.containing(application.quarter_start)
    if approve:
        if persons is None:
            persons = reward_persons(employer=application.employer, quarter=quarter)
        if persons <= 0:
            raise ValidationError(_("該季未全季超額進用，無可核定之獎勵人數。"))
        application.status = RewardStatus.APPROVED
        application.persons = persons
        application.amount = persons * reward_rate(quarter)
    else:
        application.status = RewardStatus.REJECTED
        application.persons = application.amount = 0
    application.decided_on = decided_on
    application.updated_by = user
    application.save()
    return application
