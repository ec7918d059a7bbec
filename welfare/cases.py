"""The welfare section's kind of citizen case: a Shijia Hall venue or lodging booking, letter V (109-V-000123).
Found by CasesConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.kinds import CaseKind, case_kind_register
from welfare.models import HallBooking

HALL_BOOKINGS = case_kind_register(CaseKind(
    letter="V",
    section="welfare",
    model=HallBooking,
    title=_("獅甲會館場地及住宿預約"),
    case_url=lambda booking: reverse("welfare:booking", args=[booking.pk]),
    contact=lambda booking: (booking.email, booking.phone),
))
