"""The museum's kind of citizen case: a group-visit booking, letter M (109-M-000123). Found by CasesConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.kinds import CaseKind, case_kind_register
from museum.models import GroupVisitBooking

VISITS = case_kind_register(CaseKind(
    letter="M",
    section="museum",
    model=GroupVisitBooking,
    title=_("勞工博物館團體導覽預約"),
    case_url=lambda booking: reverse("museum:booking", args=[booking.pk]),
    contact=lambda booking: (booking.email, booking.phone),
))
