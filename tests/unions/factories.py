from datetime import date

import factory

from labor_portal.core.districts import District
from unions.models import MeetingKind, StatutoryMeeting, Union, UnionType


class UnionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Union

    name = factory.Sequence(lambda n: f"高雄市測試職業工會{n}")
    union_type = UnionType.CRAFT
    registration_number = factory.Sequence(lambda n: f"測試字第{n:05d}號")
    district = District.LINGYA
    founded_on = date(2000, 1, 1)
    members = 50


class StatutoryMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatutoryMeeting

    union = factory.SubFactory(UnionFactory)
    kind = MeetingKind.BOARD_OF_DIRECTORS
    held_on = date(2020, 3, 1)
