from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from migrant_workers.models import Nationality, NotificationKind, ShelterStay, StatusNotification

pytestmark = pytest.mark.django_db
H1 = HalfYear(2020, 1)


def _indicator(period, indicator_id):
    for group in registry.steps():
        if hasattr(group, "indicators") and indicator_id in {i.id for i in group.indicators}:
            return group.compute(period)[indicator_id]
    raise LookupError(indicator_id)


def _stay(day, days):
    return ShelterStay.objects.create(placed_on=day, worker_name="SITI", nationality=Nationality.INDONESIA,
                                      person_days=Decimal(days))


def test_shelter_half_days_sum_exactly():
    for _n in range(20):
        _stay(date(2020, 1, 1), "150")  # each to 29 May, inside the half
    _stay(date(2020, 3, 1), "10.5")
    _stay(date(2020, 7, 1), "4.5")  # the next half
    value = _indicator(H1, "migrant_workers.shelter.person_days")
    assert value == 3010.5 and isinstance(value, float)
    assert _indicator(HalfYear(2020, 2), "migrant_workers.shelter.person_days") == 4.5


def test_shelter_days_are_whole_or_half():
    stay = ShelterStay(placed_on=date(2020, 2, 1), worker_name="SITI", nationality=Nationality.INDONESIA,
                       person_days=Decimal("2.3"))
    with pytest.raises(ValidationError):
        stay.full_clean()


def test_status_notifications_are_grouped_as_the_report_groups_them():
    for n, kind in enumerate([NotificationKind.ARRIVAL, NotificationKind.TRANSFER, NotificationKind.ABSCOND,
                              NotificationKind.CANCELLATION, NotificationKind.DEPARTURE]):
        StatusNotification.objects.create(
            reference=f"R{n}", kind=kind, event_on=date(2020, 6, 29), filed_on=date(2020, 6, 30),
            processed_on=date(2020, 6, 30), employer_name="E", worker_name="W", nationality=Nationality.THAILAND)
    StatusNotification.objects.create(
        reference="later", kind=kind, event_on=date(2020, 6, 30), filed_on=date(2020, 7, 1),
        processed_on=date(2020, 7, 1), employer_name="E", worker_name="W", nationality=Nationality.THAILAND)
    table = registry.get_table("migrant_workers.status_notifications")
    assert table.compute(H1)[0].values == [2, 3, 5]
