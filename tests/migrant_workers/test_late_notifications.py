"""The staff workbench's late-notification queue (issue 13): notifications filed after their art. 56 deadline
and those past it without a filing, until a clerk marks them dealt with; and a shelter stay crossing two
halves, counted in each by the half days that fall in it."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from labor_portal.core.periods import HalfYear
from labor_portal.core.sections import section
from migrant_workers import services
from migrant_workers.models import Nationality, ShelterStay, StatusNotification, shelter_half_days_within
from migrant_workers.reports import Shelter

pytestmark = pytest.mark.django_db

TODAY = date(2020, 3, 20)
PERSON_DAYS = "migrant_workers.shelter.person_days"


@pytest.fixture
def clerk(make_staff):
    return make_staff("migrant_workers")


def _notification(reference, event_on, filed_on=None):
    return StatusNotification.objects.create(
        reference=reference, kind="abscond", event_on=event_on, filed_on=filed_on, processed_on=filed_on,
        employer_name="示範雇主", worker_name="NGUYEN VAN A", nationality=Nationality.VIETNAM)


def _late_queues(clerk, today=TODAY):
    rows = [row for bench in section("migrant_workers").workbenches(clerk, today) for row in bench.count(today)]
    return {row["title"]: row for row in rows}


def test_filed_late_and_unfiled_past_the_deadline_are_queued_until_dealt_with(client, clerk):
    on_time = _notification("N1", date(2020, 3, 2), filed_on=date(2020, 3, 4))
    late = _notification("N2", date(2020, 3, 2), filed_on=date(2020, 3, 10))
    unfiled_overdue = _notification("N3", date(2020, 3, 9))  # deadline 12 March, still not filed
    _notification("N4", date(2020, 3, 19))  # deadline not reached yet
    assert (on_time.filed_late, late.filed_late, unfiled_overdue.filed_late) == (False, True, False)
    queues = _late_queues(clerk)
    assert queues["逾期通報，待處理"]["count"] == 1
    unfiled = queues["已逾通報期限仍未通報"]
    assert unfiled["count"] == 1 and unfiled["due"] == unfiled_overdue.deadline_on and unfiled["urgent"]

    # The queue's link shows the same notifications in the admin.
    client.force_login(clerk)
    listed = client.get(reverse("admin:migrant_workers_statusnotification_changelist") + "?late=unfiled").text
    assert ">N3<" in listed and ">N1<" not in listed and ">N2<" not in listed

    services.notification_late_review(notification=late, user=clerk, on=TODAY)
    services.notification_late_review(notification=unfiled_overdue, user=clerk, on=TODAY)
    queues = _late_queues(clerk)
    assert queues["逾期通報，待處理"]["count"] == queues["已逾通報期限仍未通報"]["count"] == 0


def test_a_notification_on_time_cannot_be_marked_late(clerk):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.notification_late_review(
            notification=_notification("N1", date(2020, 3, 2), filed_on=date(2020, 3, 4)), user=clerk, on=TODAY)


def test_an_unfiled_notification_is_not_in_any_report_half():
    from migrant_workers.reports import StatusNotifications

    _notification("N3", date(2020, 3, 9))
    rows = StatusNotifications().compute(HalfYear(2020, 1))
    assert all(value in (0, None) for row in rows for value in row.values)


def _stay(day, days):
    return ShelterStay.objects.create(placed_on=day, worker_name="SITI", nationality=Nationality.INDONESIA,
                                      person_days=Decimal(days))


def test_a_shelter_stay_crossing_two_halves_counts_in_each_the_half_days_in_it():
    # Placed 29 June for 4.5 days (nine half days): 29 and 30 June are four in 2020H1, five in 2020H2.
    _stay(date(2020, 6, 29), "4.5")
    _stay(date(2020, 3, 1), "10.5")
    assert Shelter().compute(HalfYear(2020, 1))[PERSON_DAYS] == 12.5
    assert Shelter().compute(HalfYear(2020, 2))[PERSON_DAYS] == 2.5
    # Placed 31 December 2019 for 1.5 days: two half days on the 31st, one on 1 January.
    _stay(date(2019, 12, 31), "1.5")
    assert Shelter().compute(HalfYear(2019, 2))[PERSON_DAYS] == 1
    assert Shelter().compute(HalfYear(2020, 1))[PERSON_DAYS] == 13


def test_the_half_days_of_a_stay_add_up_over_the_halves():
    for placed_on, days in ((date(2020, 6, 1), Decimal("45.5")), (date(2019, 12, 25), Decimal("200")),
                            (date(2020, 6, 30), Decimal("0.5"))):
        halves = [HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2), HalfYear(2021, 1)]
        counted = [shelter_half_days_within(placed_on, days, half.start, half.end) for half in halves]
        assert sum(counted) == days * 2
