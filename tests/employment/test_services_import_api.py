"""Excel import of events and training classes in the admin, and the API of the job centre's records."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from employment.imports_services import ServiceEventImport, TrainingClassImport
from employment.models import EventKind, Programme, ProgrammeEnrolment, ServiceEvent, TrainingClass
from labor_portal import api
from tests.spreadsheets import xlsx_upload

pytestmark = pytest.mark.django_db

EVENT_HEADERS = ServiceEventImport().headers
CLASS_HEADERS = TrainingClassImport().headers
#        kind, programme, title, held_on, place, school, activity, sessions, participants, employers, openings,
#        resumes, matched, consultations, referrals, notes
EVENT_ROWS = [
    ["小型徵才活動", "", "前鎮站徵才", "109/06/30", "前鎮就業服務站", "", "", 1, None, 25, 480, 96, 44, None, None, ""],
    ["行動就服車巡迴", "", "甲仙巡迴", "2020-05-12", "甲仙區公所", "", "", 1, None, None, None, None, None, 21, 6, ""],
    ["校園就業活動", "", "義守駐點", "109年3月4日", "義守大學", "義守大學", "駐點服務", 1, 45, None, None, None, None,
     None, None, ""],
]
CLASS_ROWS = [
    ["1091-產訓-01", "產訓合作職前訓練班", "食品烘焙", "職訓協會", "109/03/02", "109/06/19", 85, 20, None],
    ["1091-委外-01", "委外失業者職業訓練", "樂活手作米麵食製作班", "", "109/04/01", "109/08/30", None, 30, None],
]


@pytest.fixture
def clerk(make_staff):
    return make_staff("employment")


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def _post(client, model_name, headers, rows):
    return client.post(reverse(f"admin:employment_{model_name}_import"),
                       {"file": xlsx_upload(headers, rows, name=f"{model_name}.xlsx")})


def test_an_event_file_imports_each_kind_with_its_own_counts(clerk_client, clerk):
    response = _post(clerk_client, "serviceevent", EVENT_HEADERS, EVENT_ROWS)
    assert response.status_code == 302
    events = {event.kind: event for event in ServiceEvent.objects.all()}
    assert set(events) == {EventKind.JOB_FAIR_SMALL, EventKind.MOBILE_VAN, EventKind.CAMPUS}
    fair, van, campus = events[EventKind.JOB_FAIR_SMALL], events[EventKind.MOBILE_VAN], events[EventKind.CAMPUS]
    assert (fair.held_on, fair.employers, fair.resumes, fair.matched, fair.participants) == (
        date(2020, 6, 30), 25, 96, 44, None)
    assert (van.consultations, van.referrals, van.employers) == (21, 6, None)
    assert (campus.held_on, campus.school, campus.activity, campus.participants) == (
        date(2020, 3, 4), "義守大學", "on_site", 45)
    assert {event.created_by for event in events.values()} == {clerk}


def test_a_row_breaking_its_kind_s_rules_saves_nothing_and_names_row_and_column(clerk_client):
    bad = list(EVENT_ROWS[1])
    bad[11] = 30  # résumés on a van trip
    response = _post(clerk_client, "serviceevent", EVENT_HEADERS, [EVENT_ROWS[0], bad])
    assert response.status_code == 200
    assert ServiceEvent.objects.count() == 0
    assert "第 3 列" in response.text and "投遞履歷人次" in response.text


def test_a_class_file_re_uploaded_with_completion_numbers_updates_the_classes(clerk_client):
    assert _post(clerk_client, "trainingclass", CLASS_HEADERS, CLASS_ROWS).status_code == 302
    finished = [[*row[:-1], completed] for row, completed in zip(CLASS_ROWS, (19, 27), strict=True)]
    assert _post(clerk_client, "trainingclass", CLASS_HEADERS, finished).status_code == 302
    assert list(TrainingClass.objects.order_by("code").values_list("code", "completed")) == [
        ("1091-委外-01", 27), ("1091-產訓-01", 19)]


def test_a_class_completing_more_than_it_enrolled_is_refused(clerk_client):
    bad = [*CLASS_ROWS[0][:-1], 21]
    response = _post(clerk_client, "trainingclass", CLASS_HEADERS, [bad])
    assert response.status_code == 200 and TrainingClass.objects.count() == 0
    assert "結訓人數" in response.text


# --- API -------------------------------------------------------------------------------------------------------------

PREFIXES = ["employment/service-events", "employment/programme-enrolments", "employment/training-classes",
            "employment/certification-sessions"]


def test_the_routes_are_registered():
    routes = {prefix: viewset for prefix, viewset, _basename in api.section_routes()}
    assert set(PREFIXES) <= set(routes)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_other_sections_cannot_read_them(client, make_staff, prefix):
    client.force_login(make_staff("unions"))
    assert client.get(f"/api/v1/{prefix}/").status_code == 403


def test_staff_write_an_event_and_its_kind_s_rules_hold(client, clerk):
    client.force_login(clerk)
    good = {"kind": "prison", "title": "入監宣導", "held_on": "2020-05-05", "place": "高雄監獄", "participants": 14}
    response = client.post("/api/v1/employment/service-events/", good, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert ServiceEvent.objects.get().created_by == clerk
    bad = {**good, "matched": 3}
    response = client.post("/api/v1/employment/service-events/", bad, content_type="application/json")
    assert response.status_code == 400 and "matched" in response.json()


def test_an_event_list_is_filtered_and_bounded_in_queries(client, clerk, django_assert_max_num_queries):
    ServiceEvent.objects.bulk_create([
        ServiceEvent(kind=EventKind.MOBILE_VAN, title=f"巡迴{n}", held_on=date(2020, 1, 1) + timedelta(days=n),
                     place="甲仙區", consultations=10, referrals=2) for n in range(30)
    ] + [ServiceEvent(kind=EventKind.PRISON, title="入監", held_on=date(2020, 3, 1), place="監獄", participants=9)])
    client.force_login(clerk)
    with django_assert_max_num_queries(8):
        data = client.get("/api/v1/employment/service-events/?kind=mobile_van&date_before=2020-01-10").json()
    assert data["count"] == 10


def test_programme_enrolments_are_written_with_their_rules(client, clerk):
    client.force_login(clerk)
    url = "/api/v1/employment/programme-enrolments/"
    record = {"programme": "restart", "recorded_on": "2020-06-30", "unit": "前鎮站", "quota": 40, "people": 41}
    response = client.post(url, record, content_type="application/json")
    assert response.status_code == 400 and "people" in response.json()
    response = client.post(url, {**record, "people": 38}, content_type="application/json")
    assert response.status_code == 201
    assert ProgrammeEnrolment.objects.get().programme == Programme.RESTART
