"""Visitors counted by day and kind: the front desk's daily counts and the groups' attendance add up to the
report's figure for the half-year."""

from datetime import date, time

import pytest

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from museum import services
from museum.models import BookingStatus, GroupVisitBooking, VisitorCount, VisitorKind, VisitSlot
from museum.reports import VISITORS
from museum.selectors import visitors_by_day_and_kind

pytestmark = pytest.mark.django_db
H1_2020 = HalfYear(2020, 1)


def test_visitors_by_day_and_kind_and_the_half_years_total():
    services.visitor_count_add(day=date(2020, 3, 3), kind=VisitorKind.WALK_IN, visitors=40)
    services.visitor_count_add(day=date(2020, 3, 3), kind=VisitorKind.WALK_IN, visitors=5)  # a later count
    services.visitor_count_add(day=date(2020, 3, 4), kind=VisitorKind.EVENT, visitors=120)
    services.visitor_count_add(day=date(2020, 6, 30), kind=VisitorKind.WALK_IN, visitors=7)
    services.visitor_count_add(day=date(2020, 7, 1), kind=VisitorKind.WALK_IN, visitors=1000)  # next half-year
    # A group that came: its attendance is the day's count of booked groups.
    slot = VisitSlot.objects.create(day=date(2020, 3, 3), starts_at=time(10), capacity=60)
    booking = GroupVisitBooking.objects.create(
        case_number="109-M-000001", access_code_hash="x", slot=slot, group_kind="school", group_name="示範國小",
        contact_name="李老師", email="t@example.tw", phone="07", group_size=35, status=BookingStatus.CONFIRMED,
        booked_on=date(2020, 2, 20))
    services.visit_booking_attendance(booking=booking, attended=33)

    assert visitors_by_day_and_kind(H1_2020) == {
        date(2020, 3, 3): {VisitorKind.WALK_IN: 45, VisitorKind.BOOKED_GROUP: 33},
        date(2020, 3, 4): {VisitorKind.EVENT: 120},
        date(2020, 6, 30): {VisitorKind.WALK_IN: 7},
    }
    assert VISITORS.compute(H1_2020) == {"museum.visitors": 45 + 33 + 120 + 7}
    assert VisitorCount.objects.count() == 5
    assert "museum.visitors" in registry.ids()
