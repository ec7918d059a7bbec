from datetime import date

from django.urls import reverse

from unions.models import MeetingKind, Union, UnionType

from .factories import StatutoryMeetingFactory, UnionFactory


def test_api_filters_by_type_district_activity_and_founding(client, union_clerk):
    UnionFactory(name="甲", union_type=UnionType.CRAFT, founded_on=date(2001, 1, 1))
    UnionFactory(name="乙", union_type=UnionType.ENTERPRISE, founded_on=date(2015, 6, 1), dissolved_on=date(2020, 6, 30))
    UnionFactory(name="丙", union_type=UnionType.ENTERPRISE, founded_on=date(2020, 2, 1), district="xiaogang")
    client.force_login(union_clerk)

    def names(query):
        return sorted(u["name"] for u in client.get(f"/api/v1/unions/unions/?{query}").json()["results"])

    assert names("union_type=enterprise") == ["丙", "乙"]
    assert names("district=xiaogang") == ["丙"]
    assert names("active_on=2020-06-30") == ["丙", "甲"]
    assert names("founded_after=2010-01-01&founded_before=2019-12-31") == ["乙"]


def test_api_enforces_the_same_rules_as_the_admin(client, union_clerk):
    client.force_login(union_clerk)
    payload = {
        "name": "新工會", "union_type": "craft", "registration_number": "API字第1號", "district": "lingya",
        "founded_on": "2020-05-01", "dissolved_on": "2020-04-01", "members": 10,
    }
    response = client.post("/api/v1/unions/unions/", payload, content_type="application/json")
    assert response.status_code == 400
    assert "解散日期不得早於成立日期" in response.json()["dissolved_on"][0]
    payload["dissolved_on"] = None
    response = client.post("/api/v1/unions/unions/", payload, content_type="application/json")
    assert response.status_code == 201
    assert Union.objects.get().created_by == union_clerk


def test_lists_have_a_bounded_number_of_queries(client, union_clerk, django_assert_max_num_queries):
    for n in range(40):
        StatutoryMeetingFactory(held_on=date(2020, 1 + n % 6, 1))
    client.force_login(union_clerk)
    for url in (
        "/api/v1/unions/unions/",
        "/api/v1/unions/meetings/",
        reverse("admin:unions_union_changelist"),
        reverse("admin:unions_statutorymeeting_changelist"),
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url


def test_no_correction_reason_is_asked_while_no_half_year_is_approved(client, union_clerk):
    meeting = StatutoryMeetingFactory(held_on=date(2020, 3, 1))
    url = reverse("admin:unions_statutorymeeting_change", args=[meeting.pk])
    client.force_login(union_clerk)
    assert 'name="correction_reason"' not in client.get(url).text
    data = {"union": meeting.union_id, "kind": MeetingKind.GENERAL_ASSEMBLY, "held_on": "2020-03-01"}
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.kind == MeetingKind.GENERAL_ASSEMBLY
