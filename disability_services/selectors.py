"""Reads of the vocational-rehabilitation section shared by the workbench, the admin and the reports."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce

from disability_services.models import CaseStage, CaseStageChange, MonthlyRoster, RehabilitationCase
from disability_services.quota import QuotaRules, QuotaStatus, month_start
from labor_portal.cases.statelog import state_on
from labor_portal.core.periods import HalfYear


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


def cases_served_in(period: HalfYear):
    """Rehabilitation cases open at any time of the period, read from the stage log: opened by its end and not
    closed throughout it (closed at the end of the eve of its start, with no change to an open stage inside it).
    A case reopened after the period does not count in a period it was closed for; one closed inside the period
    and reopened later still counts as served then. Before its first log entry a case reads as open."""
    reopened_inside = CaseStageChange.objects.filter(
        case=OuterRef("pk"), changed_on__gte=period.start, changed_on__lt=period.end,
    ).exclude(to_state=CaseStage.CLOSED)
    return (
        RehabilitationCase.objects.filter(opened_on__lt=period.end).filter(could_be_open_in(period))
        # One probe of the log per case: NULL (no entry yet) reads as open.
        .alias(stage_before=Coalesce(state_on(CaseStageChange, period.start - timedelta(days=1)), Value("")))
        .filter(~Q(stage_before=CaseStage.CLOSED) | Exists(reopened_inside))
    )


def could_be_open_in(period: HalfYear) -> Q:
    """Cases the stage log has to be read for, so that a report over years of history probes only a few: a case
    closed before the period and not changed since was closed throughout it (its last log entry is that
    closing, which every stage change writes along with closed_on; every case has a log since 0004)."""
    changed_since = CaseStageChange.objects.filter(changed_on__gte=period.start).values("case_id")
    return Q(closed_on__isnull=True) | Q(closed_on__gte=period.start) | Q(pk__in=changed_since)


def case_stages_on(day: date) -> dict[str | None, int]:
    """Cases opened by `day` counted by their stage as it stood at the end of that day (one grouped query);
    None: open cases whose log starts later (backfilled with their stage of the day the log began)."""
    rows = (
        RehabilitationCase.objects.filter(opened_on__lte=day)
        .annotate(stage_then=state_on(CaseStageChange, day))
        .values("stage_then").annotate(cases=Count("pk")).order_by()
    )
    return {row["stage_then"]: row["cases"] for row in rows}
