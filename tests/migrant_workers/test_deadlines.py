"""就業服務法第56條: 3 days from the day after the event; Sunday/holiday → next working day, Saturday → Monday."""

from datetime import date

import pytest

from migrant_workers.deadlines import notification_deadline, notification_deadlines
from migrant_workers.models import Holiday, Nationality, NotificationKind, StatusNotification

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("event_on", "deadline"), [
    # Weekday: Mon 2020-03-02 + 3 = Thu 03-05.
    (date(2020, 3, 2), date(2020, 3, 5)),
    # Ends on a Saturday (Wed 03-04 + 3 = Sat 03-07) → Monday 03-09.
    (date(2020, 3, 4), date(2020, 3, 9)),
    # Ends on a Sunday (Thu 03-05 + 3 = Sun 03-08) → Monday 03-09.
    (date(2020, 3, 5), date(2020, 3, 9)),
    # Ends on a national holiday: Tue 02-25 + 3 = Fri 02-28 (和平紀念日) → Sat → Monday 03-02.
    (date(2020, 2, 25), date(2020, 3, 2)),
    # A holiday run: Mon 01-20 + 3 = Thu 01-23, off until Wed 01-29 (Lunar New Year) → Thu 01-30.
    (date(2020, 1, 20), date(2020, 1, 30)),
    # Saturday → Monday, Monday a holiday: Wed 2021-09-15 + 3 = Sat 09-18 → Mon 09-20 (off) → Tue 09-21 (中秋) → Wed.
    (date(2021, 9, 15), date(2021, 9, 22)),
    # A make-up working Saturday is a working day: Wed 2020-06-17 + 3 = Sat 06-20 (補行上班日).
    (date(2020, 6, 17), date(2020, 6, 20)),
])
def test_deadline_on_dated_examples(event_on, deadline):
    assert notification_deadline(event_on) == deadline
    assert notification_deadlines([event_on]) == {event_on: deadline}


def test_the_calendar_is_data_an_administrator_edits():
    # Thu 2020-03-05 + 3 = Sun → Mon 03-09; a day off declared on Monday moves it to Tuesday.
    Holiday.objects.create(day=date(2020, 3, 9), name="颱風停止上班")
    assert notification_deadline(date(2020, 3, 5)) == date(2020, 3, 10)


def _notification(event_on, filed_on):
    return StatusNotification.objects.create(
        reference=f"T-{event_on}-{filed_on}", kind=NotificationKind.ABSCOND, event_on=event_on, filed_on=filed_on,
        processed_on=filed_on, employer_name="示範雇主", worker_name="NGUYEN VAN A", nationality=Nationality.VIETNAM,
    )


def test_a_notification_filed_after_its_deadline_is_marked_late():
    on_time = _notification(date(2020, 3, 4), date(2020, 3, 9))  # Saturday's deadline moved to Monday
    late = _notification(date(2020, 3, 4), date(2020, 3, 10))
    assert (on_time.deadline_on, on_time.filed_late) == (date(2020, 3, 9), False)
    assert (late.deadline_on, late.filed_late) == (date(2020, 3, 9), True)


def test_the_fine_for_not_notifying_is_dated_data():
    from migrant_workers.deadlines import notification_fine_range

    assert notification_fine_range(date(2020, 3, 9)) == (30_000, 150_000)
