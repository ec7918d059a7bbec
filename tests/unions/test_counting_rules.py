from datetime import date

import pytest
from django.core.exceptions import ValidationError

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from unions.models import MeetingKind, UnionType

from .factories import StatutoryMeetingFactory, UnionFactory

H1, H2 = HalfYear(2020, 1), HalfYear(2020, 2)


def _values(table_id, period):
    return registry.get_table(table_id).compute(period)[0].values


def test_a_union_dissolved_on_the_last_day_is_gone_and_one_dissolved_the_day_after_counts(db):
    UnionFactory(union_type=UnionType.CRAFT, dissolved_on=date(2020, 6, 30))
    UnionFactory(union_type=UnionType.CRAFT, dissolved_on=date(2020, 7, 1))
    UnionFactory(union_type=UnionType.ENTERPRISE, founded_on=date(2020, 6, 30))
    UnionFactory(union_type=UnionType.ENTERPRISE, founded_on=date(2020, 7, 1))
    assert _values("unions.by_type", H1) == [0, 1, 0, 1, 2]
    assert _values("unions.by_type", H2) == [0, 2, 0, 0, 2]


def test_a_meeting_on_the_first_of_july_is_in_the_second_half(db):
    StatutoryMeetingFactory(held_on=date(2020, 6, 30), kind=MeetingKind.GENERAL_ASSEMBLY)
    StatutoryMeetingFactory(held_on=date(2020, 7, 1), kind=MeetingKind.BOARD_OF_SUPERVISORS)
    assert _values("unions.statutory_meetings", H1) == [1, 0, 0, 1]
    assert _values("unions.statutory_meetings", H2) == [0, 0, 1, 1]


def test_new_unions_are_those_founded_within_the_period(db):
    UnionFactory(founded_on=date(2020, 1, 1))
    UnionFactory(founded_on=date(2019, 12, 31))
    UnionFactory(founded_on=date(2020, 7, 1))
    group = next(g for g in registry.steps() if getattr(g, "indicators", None) and g.indicators[0].id == "unions.new_unions")
    assert group.compute(H1)["unions.new_unions"] == 1


def test_dissolved_before_founded_is_refused_with_a_message(db):
    union = UnionFactory.build(founded_on=date(2020, 5, 1), dissolved_on=date(2020, 4, 30))
    with pytest.raises(ValidationError) as excinfo:
        union.full_clean()
    assert "解散日期不得早於成立日期" in str(excinfo.value)


def test_a_meeting_outside_its_unions_lifetime_is_refused(db):
    union = UnionFactory(founded_on=date(2020, 5, 1), dissolved_on=date(2020, 9, 30))
    for held_on in (date(2020, 4, 30), date(2020, 10, 1)):
        meeting = StatutoryMeetingFactory.build(union=union, held_on=held_on)
        with pytest.raises(ValidationError) as excinfo:
            meeting.full_clean()
        assert "開會日期須在工會成立之後、解散之前" in str(excinfo.value)
    StatutoryMeetingFactory.build(union=union, held_on=date(2020, 9, 30)).full_clean()
