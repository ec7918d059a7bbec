"""Reads of the welfare section shared by its pages: the Shijia Hall's availability calendar."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from welfare.models import HOLDING, HallBlackout, HallBooking, HallFacility, HallKind
from welfare.services import SLOTS_OF


class DayState:
    """What the calendar says of a day for one kind of room, in words (never in colour alone)."""

    FREE = "free"
    FEW = "few"
    FULL = "full"
    CLOSED = "closed"
    PAST = "past"

    LABELS = {FREE: _("尚有名額"), FEW: _("名額有限"), FULL: _("額滿"), CLOSED: _("不開放"), PAST: _("已截止")}


# "Few left" when a quarter or less of the day's places of a kind are free: early enough to send a large group
# elsewhere, late enough not to cry wolf on a day with one booking.
FEW_LEFT_SHARE = 4


@dataclass(frozen=True)
class KindOnDay:
    kind: str
    state: str
    left: int

    @property
    def label(self):
        return DayState.LABELS[self.state]


@dataclass(frozen=True)
class CalendarDay:
    day: date
    kinds: list[KindOnDay]  # in the calendar's column order


@dataclass(frozen=True)
class HallCalendar:
    month: date  # its first day
    kinds: list[tuple[str, str]]  # (kind, label) of the kinds with rooms open for booking
    days: list[CalendarDay]

    @property
    def previous(self) -> date:
        return (self.month - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return self.month + timedelta(days=calendar.monthrange(self.month.year, self.month.month)[1])


def hall_calendar(*, month: date, today: date) -> HallCalendar:
    """Each day of `month`, per kind of room, free / few left / full / closed (a blackout day) / past.

    Three queries whatever the month holds: the places each kind offers a day (one aggregate), the people booked
    per day, room and slot (one grouped aggregate) and the month's blackout days."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    offered = {row["kind"]: row["capacity"] * len(SLOTS_OF[row["kind"]]) for row in
               HallFacility.objects.filter(active=True).values("kind").annotate(capacity=Sum("capacity")).order_by()}
    kinds = [(kind, label) for kind, label in HallKind.choices if offered.get(kind)]
    taken: dict[tuple[date, str], int] = {}
    booked = (HallBooking.objects.filter(use_on__range=(first, last), status__in=HOLDING, facility__active=True)
              .values("use_on", "facility_id", "slot", "facility__kind", "facility__capacity")
              .annotate(people=Sum("people")).order_by())
    for row in booked:
        # A slot staff overbooked takes its own places only, not those of the other rooms and slots.
        key = (row["use_on"], row["facility__kind"])
        taken[key] = taken.get(key, 0) + min(row["people"], row["facility__capacity"])
    blackouts = set(HallBlackout.objects.filter(day__range=(first, last)).values_list("day", flat=True))
    days = []
    for number in range(1, last.day + 1):
        day = first.replace(day=number)
        cells = []
        for kind, _label in kinds:
            left = max(offered[kind] - taken.get((day, kind), 0), 0)
            state = _day_state(day, today=today, closed=day in blackouts, left=left, offered=offered[kind])
            cells.append(KindOnDay(kind=kind, state=state, left=left))
        days.append(CalendarDay(day=day, kinds=cells))
    return HallCalendar(month=first, kinds=kinds, days=days)


def _day_state(day: date, *, today: date, closed: bool, left: int, offered: int) -> str:
    if day <= today:  # bookings start tomorrow (services._hall_bookable)
        return DayState.PAST
    if closed:
        return DayState.CLOSED
    if left <= 0:
        return DayState.FULL
    if left * FEW_LEFT_SHARE <= offered:
        return DayState.FEW
    return DayState.FREE
