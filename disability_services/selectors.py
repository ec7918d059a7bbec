"""Reads of the vocational-rehabilitation section shared by the workbench, the admin and the reports."""

from datetime import date

from django.db.models import Q

from disability_services.models import MonthlyRoster
from disability_services.quota import QuotaRules, QuotaStatus, month_start


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def below_quota_for(months: int, last_month: date) -> Q:
    """Employers below quota in each of the `months` months up to `last_month` (each month under its own
    rules): a condition on QuotaEmployer made of one subquery per month, evaluated in the database."""
    condition = Q()
    month = month_start(last_month)
    for _n in range(months):
        below = (
            MonthlyRoster.objects.for_month(month).assessed(QuotaRules.on(month))
            .filter(quota_status=QuotaStatus.BELOW).values("employer_id")
        )
        condition &= Q(pk__in=below)
        month = previous_month(month)
    return condition


def latest_roster_month(today: date) -> date | None:
    """The most recent month with rosters, up to today's month."""
    return (
        MonthlyRoster.objects.filter(month__lte=month_start(today)).order_by("-month")
        .values_list("month", flat=True).first()
    )


def below_quota_lately(today: date, months: int = 3) -> Q:
    """Employers below quota in each of the `months` latest months with rosters (none when there are none)."""
    last = latest_roster_month(today)
    return below_quota_for(months, last) if last else Q(pk__in=[])
