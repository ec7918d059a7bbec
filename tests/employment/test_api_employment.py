"""The employment section's API (employment/api.py) on the shared base: its routes, its staff only, the
complainant's personal data always masked, lists in a bounded number of queries, seminars written by staff."""

from datetime import date, timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from employment.grounds import Ground
from employment.models import (
    AntiDiscriminationSeminar,
    CommitteeMeeting,
    CommitteeMember,
    CommitteeReview,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamComplaint,
    ScamConsultation,
)
from labor_portal import api

from .rights_factories import complaint

pytestmark = pytest.mark.django_db

VALID_ID = "A123456789"
COMPLAINANT = {
    "complainant_name": "王小明", "complainant_personal_id": VALID_ID, "complainant_phone": "0912345678",
    "complainant_email": "ming@example.tw", "complainant_address": "高雄市苓雅區四維三路2號",
}
READ_ONLY = ["employment/discrimination-complaints", "employment/harassment-complaints",
             "employment/scam-complaints", "employment/committee-meetings", "employment/committee-reviews"]
READ_WRITE = ["employment/scam-consultations", "employment/anti-discrimination-seminars"]
PREFIXES = READ_ONLY + READ_WRITE
_n = count()


def _list(prefix: str) -> str:
    return f"/api/v1/{prefix}/"


def _day(n: int) -> date:
    return date(2020, 3, 1) + timedelta(days=n)


def _meeting(n: int) -> CommitteeMeeting:
    meeting = CommitteeMeeting.objects.create(title=f"109年第{n + 1}次會議", held_on=_day(n))
    members = [CommitteeMember.objects.create(name=f"委員{next(_n)}", term_from=date(2019, 1, 1),
                                              term_to=date(2020, 12, 31)) for _ in range(2)]
    meeting.members_present.set(members)
    return meeting


def _review(n: int) -> CommitteeReview:
    case = complaint(DiscriminationComplaint, _day(n), grounds=[Ground.AGE], main_ground=Ground.AGE)
    return CommitteeReview.objects.create(meeting=_meeting(n), complaint=case)


# One record of each list, by route.
MAKERS = {
    "employment/discrimination-complaints": lambda n: complaint(
        DiscriminationComplaint, _day(n), grounds=[Ground.GENDER, Ground.AGE], main_ground=Ground.GENDER,
        **COMPLAINANT),
    "employment/harassment-complaints": lambda n: complaint(HarassmentComplaint, _day(n), **COMPLAINANT),
    "employment/scam-complaints": lambda n: complaint(ScamComplaint, _day(n), ad_text="日領3000", **COMPLAINANT),
    "employment/scam-consultations": lambda n: ScamConsultation.objects.create(
        consulted_on=_day(n), channel="phone", topic="fees"),
    "employment/anti-discrimination-seminars": lambda n: AntiDiscriminationSeminar.objects.create(
        title=f"宣導會{n}", held_on=_day(n), place="勞工局", participants=40),
    "employment/committee-meetings": _meeting,
    "employment/committee-reviews": _review,
}


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("employment"))
    return client


# --- Routes -------------------------------------------------------------------------------------------------


def test_the_sections_routes_are_listed_and_registered():
    routes = {prefix: viewset for prefix, viewset, _basename in api.section_routes()}
    assert set(PREFIXES) <= set(routes)
    assert all(routes[prefix].__module__ == "employment.api" for prefix in PREFIXES)
    assert reverse("employment-discrimination-complaints-list") == "/api/v1/employment/discrimination-complaints/"
    assert reverse("employment-committee-reviews-list") == "/api/v1/employment/committee-reviews/"


# --- Permissions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_only_the_employment_staff_reach_the_routes(client, make_staff, prefix):
    MAKERS[prefix](0)
    client.force_login(make_staff("disputes"))
    assert client.get(_list(prefix)).status_code == 403
    client.force_login(make_staff("officials"))
    assert client.get(_list(prefix)).status_code == 403
    client.logout()
    assert client.get(_list(prefix)).status_code in (401, 403)
    client.force_login(make_staff("employment"))
    response = client.get(_list(prefix))
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_another_sections_clerk_cannot_read_one_complaint_nor_add_a_seminar(client, make_staff):
    case = MAKERS["employment/discrimination-complaints"](0)
    client.force_login(make_staff("unions"))
    assert client.get(f"/api/v1/employment/discrimination-complaints/{case.pk}/").status_code == 403
    response = client.post(_list("employment/anti-discrimination-seminars"),
                           {"title": "宣導會", "held_on": "2020-05-01", "place": "勞工局", "participants": 30},
                           content_type="application/json")
    assert response.status_code == 403
    assert not AntiDiscriminationSeminar.objects.exists()


@pytest.mark.parametrize("prefix", READ_ONLY)
def test_complaints_and_the_committee_are_read_only(clerk_client, prefix):
    record = MAKERS[prefix](0)
    assert clerk_client.post(_list(prefix), {}, content_type="application/json").status_code == 405
    detail = f"{_list(prefix)}{record.pk}/"
    assert clerk_client.patch(detail, {"status": "closed"}, content_type="application/json").status_code == 405
    assert clerk_client.delete(detail).status_code == 405
    assert type(record).objects.filter(pk=record.pk).exists()


# --- Personal data: masked in lists and details ---------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["employment/discrimination-complaints", "employment/harassment-complaints",
                                    "employment/scam-complaints"])
def test_the_complainant_is_masked_in_the_list_and_the_detail(clerk_client, prefix):
    case = MAKERS[prefix](0)
    listed = clerk_client.get(_list(prefix))
    detail = clerk_client.get(f"{_list(prefix)}{case.pk}/")
    for response in (listed, detail):
        assert response.status_code == 200
        for secret in [*COMPLAINANT.values(), "陳大同" if prefix.startswith("employment/harass") else VALID_ID]:
            assert secret not in response.text, secret
    row = listed.json()["results"][0]
    assert row["case_number"] == case.case_number
    assert row["complainant_name"] == "王○明"
    assert row["complainant_personal_id"] == "A12****789"
    assert row["complainant_phone"] == "0912***678"
    assert row["complainant_email"] == "m***@example.tw"
    assert row["complainant_address"] == "高雄市苓雅區○○○○"
    assert "account" not in row and "staff_notes" not in row and "access_code_hash" not in row
    assert detail.json() == row


def test_the_harassment_respondent_is_masked_too(clerk_client):
    complaint(HarassmentComplaint, _day(0), respondent_name="陳大同", **COMPLAINANT)
    response = clerk_client.get(_list("employment/harassment-complaints"))
    assert "陳大同" not in response.text
    assert response.json()["results"][0]["respondent_name"] == "陳○同"


# --- Filters ----------------------------------------------------------------------------------------------------


def test_complaints_filter_by_date_status_and_ground(clerk_client):
    complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=["gender"], main_ground="gender")
    complaint(DiscriminationComplaint, date(2020, 8, 1), grounds=["age", "gender"], main_ground="age")
    complaint(DiscriminationComplaint, date(2020, 3, 9), grounds=["age"], main_ground="age",
              status="closed", concluded_on=date(2020, 4, 1))

    def filed_on(**query):
        response = clerk_client.get(_list("employment/discrimination-complaints"), query)
        assert response.status_code == 200, response.content
        return [row["filed_on"] for row in response.json()["results"]]

    assert filed_on() == ["2020-08-01", "2020-03-09", "2020-03-01"]
    assert filed_on(date_after="2020-01-01", date_before="2020-06-30") == ["2020-03-09", "2020-03-01"]
    assert filed_on(main_ground="age") == ["2020-08-01", "2020-03-09"]
    assert filed_on(ground="gender") == ["2020-08-01", "2020-03-01"]
    assert filed_on(status="closed") == ["2020-03-09"]
    assert filed_on(ordering="filed_on") == ["2020-03-01", "2020-03-09", "2020-08-01"]
    assert clerk_client.get(_list("employment/discrimination-complaints"), {"ground": "weather"}).status_code == 400


def test_consultations_filter_by_channel_and_topic(clerk_client):
    ScamConsultation.objects.create(consulted_on=date(2020, 3, 1), channel="phone", topic="fees")
    ScamConsultation.objects.create(consulted_on=date(2020, 3, 2), channel="walk_in", topic="fees")
    ScamConsultation.objects.create(consulted_on=date(2020, 3, 3), channel="phone", topic="false_ad")

    def consulted_on(**query):
        results = clerk_client.get(_list("employment/scam-consultations"), query).json()["results"]
        return [row["consulted_on"] for row in results]

    assert consulted_on(channel="phone") == ["2020-03-03", "2020-03-01"]
    assert consulted_on(channel="phone", topic="fees") == ["2020-03-01"]
    assert consulted_on(date_before="2020-03-02") == ["2020-03-02", "2020-03-01"]
    assert clerk_client.get(_list("employment/scam-consultations"), {"channel": "pigeon"}).status_code == 400


# --- Queries: a list costs the same however many records it shows --------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_list_costs_the_same_with_one_row_and_seven(clerk_client, prefix, django_assert_max_num_queries):
    make = MAKERS[prefix]
    clerk_client.get(_list(prefix))  # the session and the permissions, once
    make(0)
    with CaptureQueriesContext(connection) as one:
        assert clerk_client.get(_list(prefix)).status_code == 200
    for n in range(1, 7):
        make(n)
    with django_assert_max_num_queries(len(one)):
        response = clerk_client.get(_list(prefix))
    assert response.status_code == 200
    assert len(response.json()["results"]) == 7
    assert len(one) <= 8, prefix


def test_a_meeting_lists_its_members_and_a_review_its_case_number(clerk_client):
    review = _review(0)
    meeting = clerk_client.get(_list("employment/committee-meetings")).json()["results"][0]
    assert sorted(meeting["members_present"]) == sorted(review.meeting.members_present.values_list("pk", flat=True))
    row = clerk_client.get(_list("employment/committee-reviews")).json()["results"][0]
    assert (row["case_number"], row["held_on"], row["complaint"]) == (
        review.complaint.case_number, "2020-03-01", str(review.complaint.pk))


# --- Writes: seminars and consultations, by the section's staff ---------------------------------------------


def test_a_seminar_created_through_the_api_records_who_entered_it(client, make_staff):
    clerk = make_staff("employment")
    client.force_login(clerk)
    response = client.post(_list("employment/anti-discrimination-seminars"),
                           {"title": "防制就業歧視宣導會", "held_on": "2020-05-01", "place": "勞工局",
                            "sessions": 2, "participants": 80, "establishments": 35},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert "created_by" not in response.json()
    seminar = AntiDiscriminationSeminar.objects.get()
    assert (seminar.title, seminar.sessions, seminar.participants) == ("防制就業歧視宣導會", 2, 80)
    assert (seminar.created_by, seminar.updated_by) == (clerk, clerk)

    editor = make_staff("employment", username="editor")
    client.force_login(editor)
    response = client.patch(f"{_list('employment/anti-discrimination-seminars')}{seminar.pk}/",
                            {"participants": 90}, content_type="application/json")
    assert response.status_code == 200, response.content
    seminar.refresh_from_db()
    assert (seminar.participants, seminar.created_by, seminar.updated_by) == (90, clerk, editor)


def test_a_seminar_with_no_session_is_refused(clerk_client):
    response = clerk_client.post(_list("employment/anti-discrimination-seminars"),
                                 {"title": "宣導會", "held_on": "2020-05-01", "place": "勞工局", "sessions": 0,
                                  "participants": 10}, content_type="application/json")
    assert response.status_code == 400
    assert "sessions" in response.json()
    assert not AntiDiscriminationSeminar.objects.exists()


def test_a_consultation_is_entered_through_the_api(client, make_staff):
    clerk = make_staff("employment")
    client.force_login(clerk)
    response = client.post(_list("employment/scam-consultations"),
                           {"consulted_on": "2020-05-01", "channel": "walk_in", "topic": "documents"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert ScamConsultation.objects.get().created_by == clerk
