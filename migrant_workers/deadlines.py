"""The Employment Service Act art. 56 deadline: an employer notifies within 3 days of the event.

The days are counted from the day after the event (行政程序法第48條第2項). A last day falling on a Sunday, a
national holiday or another day off moves to the next working day; one on a Saturday moves to the Monday
(第48條第4項; 勞動部 FL101140), and on, should that Monday be a holiday. A Saturday that is a make-up working
day (補行上班日) is a working day. The number of days is LegalRule data ("migrant_workers.notify_within_days");
the days off are the Holiday calendar.
"""

from datetime import date, timedelta

from labor_portal.core.models import rule_on

NOTIFY_WITHIN_DAYS = "migrant_workers.notify_within_days"
SATURDAY, SUNDAY = 5, 6


def deadline_from(event_on: date, days: int, calendar: dict[date, bool]) -> date:
    """The deadline given the number of days and the calendar ({day: is a make-up working day})."""
    last = event_on + timedelta(days=days)
    while True:
        marked = calendar.get(last)
        if marked is True:  # a make-up working day
            return last
        if marked is False or last.weekday() == SUNDAY:
            last += timedelta(days=1)
        elif last.weekday() == SATURDAY:
            last += timedelta(days=2)
        else:
            return last


def holiday_calendar(start: date, end: date) -> dict[date, bool]:
    """{day: is_workday} of the calendar's marked days from `start` to `end` and a few weeks after."""
    from migrant_workers.models import Holiday

    return dict(Holiday.objects.filter(day__gte=start, day__lte=end + timedelta(days=30))
                .values_list("day", "is_workday"))


def notification_deadline(event_on: date) -> date:
    """The last day an employer may file the notification of an event on `event_on`."""
    days = int(rule_on(NOTIFY_WITHIN_DAYS, event_on))
    return deadline_from(event_on, days, holiday_calendar(event_on, event_on))


def notification_deadlines(events: list[date]) -> dict[date, date]:
    """{event day: deadline} for many events with two queries (bulk imports, the demo)."""
    if not events:
        return {}
    first, last = min(events), max(events)
    calendar = holiday_calendar(first, last)
    rules = _rules_between(first, last)
    return {day: deadline_from(day, _days_on(rules, day), calendar) for day in set(events)}


def _rules_between(first: date, last: date) -> list[tuple[date, int]]:
    from labor_portal.core.models import LegalRule

    rows = LegalRule.objects.filter(key=NOTIFY_WITHIN_DAYS, valid_from__lte=last).order_by("valid_from")
    return [(row.valid_from, int(row.value)) for row in rows]


def _days_on(rules: list[tuple[date, int]], day: date) -> int:
    in_force = [days for valid_from, days in rules if valid_from <= day]
    if not in_force:
        raise LookupError(f"no legal rule {NOTIFY_WITHIN_DAYS!r} in force on {day}")
    return in_force[-1]


def notification_fine_range(day: date) -> tuple[int, int]:
    """The fine (NT$) for a notification not made under art. 56 para. 1, in force on `day` (art. 68 para. 1)."""
    return int(rule_on("migrant_workers.notify_fine_min", day)), int(rule_on("migrant_workers.notify_fine_max", day))
