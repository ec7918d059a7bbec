"""Reads of the museum shared by its pages, the API and the reports."""

from datetime import date, timedelta

from django.db.models import Q, Sum, Value
from django.db.models.functions import Coalesce

from labor_portal.core.models import rule_on
from labor_portal.core.periods import HalfYear
from museum.models import HOLDING, MuseumClosure, VisitorCount, VisitSlot


def slots_with_places(queryset=None):
    """Slots annotated with `taken`: the places their holding bookings take (one query)."""
    queryset = VisitSlot.objects.all() if queryset is None else queryset
    return queryset.annotate(taken=Coalesce(Sum("bookings__group_size", filter=Q(bookings__status__in=HOLDING)),
                                            Value(0)))


def bookable_slots(today: date):
    """Slots a citizen may book today: within the booking window, on days the museum is open."""
    earliest = today + timedelta(days=int(rule_on("museum.booking_min_days_ahead", today)))
    latest = today + timedelta(days=int(rule_on("museum.booking_max_days_ahead", today)))
    # Django's week_day counts 1 = Sunday; Python's weekday() 0 = Monday.
    closed_week_day = (int(rule_on("museum.closed_weekday", today)) + 1) % 7 + 1
    return slots_with_places(
        VisitSlot.objects.filter(day__gte=earliest, day__lte=latest)
        .exclude(day__week_day=closed_week_day)
        .exclude(day__in=MuseumClosure.objects.values("day"))
    ).order_by("day", "starts_at")


def visitors_by_day_and_kind(period: HalfYear) -> dict[date, dict[str, int]]:
    """{day: {kind: visitors}} of the period's daily counts, in one grouped query."""
    by_day: dict[date, dict[str, int]] = {}
    rows = VisitorCount.objects.in_period(period).values("day", "kind").annotate(n=Sum("visitors")).order_by("day")
    for row in rows:
        by_day.setdefault(row["day"], {})[row["kind"]] = row["n"]
    return by_day
