"""The demo's records get their history rows from the database (labor_portal.core.demo.create)."""

import pytest
from django.forms.models import model_to_dict

from labor_portal.core.demo import create
from labor_portal.core.districts import District
from unions.demo import load as load_unions_demo
from unions.models import MeetingKind, StatutoryMeeting, Union, UnionType


@pytest.mark.django_db
def test_each_demo_record_has_one_creation_version_equal_to_the_record():
    load_unions_demo()
    for model in (Union, StatutoryMeeting):
        records = model.objects.count()
        assert records > 100
        history = model.history.all()
        assert history.count() == records
        assert set(history.values_list("history_type", flat=True)) == {"+"}
        assert history.filter(history_user__isnull=False).count() == 0
        for record in model.objects.order_by("?")[:20]:
            version = record.history.get()
            fields = [f.name for f in model._meta.concrete_fields]
            assert model_to_dict(version.instance, fields=fields) == model_to_dict(record, fields=fields)
            assert version.history_date >= record.created_at


@pytest.mark.django_db
def test_only_the_records_just_created_get_a_version():
    Union.objects.bulk_create([Union(name="先前的工會", union_type=UnionType.CRAFT, registration_number="高市勞組字第99999號",
                                     district=District.QIANJIN, founded_on="2019-01-01")])
    created = create(Union, [Union(name=f"工會{n}", union_type=UnionType.CRAFT, registration_number=f"高市勞組字第{n:05d}號",
                                   district=District.QIANJIN, founded_on="2019-01-01") for n in range(1, 1201)])
    assert len(created) == 1200 and all(union.pk for union in created)
    assert Union.history.count() == 1200  # three batches of 500, and nothing for the union made before
    assert not Union.history.filter(name="先前的工會").exists()


def _union(number: int) -> Union:
    return Union(name=f"工會{number}", union_type=UnionType.CRAFT, registration_number=f"高市勞組字第{number:05d}號",
                 district=District.QIANJIN, founded_on="2019-01-01")


@pytest.mark.django_db
def test_records_take_their_keys_and_those_entered_after_the_demo_the_next_ones():
    """The demo numbers its records after the table's last; the database's own numbering (PostgreSQL's sequence,
    which the demo's keys did not use) goes on after them. A record built on another not yet saved refers to it
    once both are created, as with bulk_create."""
    entered_before = Union.objects.create(name="先前的工會", union_type=UnionType.CRAFT,
                                          registration_number="高市勞組字第99999號", district=District.QIANJIN,
                                          founded_on="2019-01-01")
    unions = create(Union, [_union(number) for number in range(1, 4)])
    assert [union.pk for union in unions] == [entered_before.pk + 1, entered_before.pk + 2, entered_before.pk + 3]
    meeting = StatutoryMeeting(union=_union(4), kind=MeetingKind.BOARD_OF_DIRECTORS, held_on="2020-03-02")
    create(Union, [meeting.union])
    create(StatutoryMeeting, [meeting])
    assert StatutoryMeeting.objects.get().union_id == meeting.union.pk and meeting._state.adding is False
    assert Union.objects.create(**{**model_to_dict(_union(5)), "id": None}).pk == meeting.union.pk + 1
