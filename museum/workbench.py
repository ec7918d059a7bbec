"""What needs the museum now, on the staff home (declared by MuseumConfig.workbench)."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Queue, Workbench
from museum.models import BookingStatus, GroupVisitBooking


def queues(user, today) -> Workbench:
    """Bookings to confirm (the earliest visit day first; overdue once that day has passed), the groups expected
    today, and the waiting lists."""
    tomorrow = today + timedelta(days=1)
    return Workbench(GroupVisitBooking, [
        Queue(_("待確認的團體導覽預約"), Q(status=BookingStatus.BOOKED), link=f"status__exact={BookingStatus.BOOKED}",
              due="slot__day"),
        Queue(_("今日到館的團體"), Q(slot__day=today, status__in=[BookingStatus.BOOKED, BookingStatus.CONFIRMED]),
              link=f"slot__day__gte={today.isoformat()}&slot__day__lt={tomorrow.isoformat()}"),
        Queue(_("候補中的預約"), Q(status=BookingStatus.WAITLISTED), link=f"status__exact={BookingStatus.WAITLISTED}"),
    ])
