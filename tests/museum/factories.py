from datetime import date, time, timedelta

from django.utils import timezone

from museum import services
from museum.models import VisitSlot


def open_day(after_days: int = 5) -> date:
    """A Tuesday at least `after_days` from today: inside the booking window, never the closing Monday."""
    day = timezone.localdate() + timedelta(days=after_days)
    return day + timedelta(days=(1 - day.weekday()) % 7)


def slot(capacity: int = 60, day: date | None = None, hour: int = 10) -> VisitSlot:
    return VisitSlot.objects.create(day=day or open_day(), starts_at=time(hour), capacity=capacity)


def book(visit_slot, size, *, n=0, waitlist_ok=False, **extra):
    return services.visit_booking_file(
        slot=visit_slot, group_kind="school", group_name=f"示範國中{n}班", contact_name="王老師",
        email=f"teacher{n}@example.tw", phone="0912345678", group_size=size, waitlist_ok=waitlist_ok, **extra,
    ).booking
