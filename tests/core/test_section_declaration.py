"""A section is declared once, on its AppConfig (labor_portal.core.sections). tests/tenth_section exists only in
the test settings (tests/settings.py): its declaration and its own modules are all it has, and it appears on
the front page, the staff home, in the roles, the API, the URLs, the beat schedule and the report."""

import datetime

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from labor_portal.celery import app as celery_app
from labor_portal.core.periods import HalfYear
from labor_portal.core.sections import section_roles, section_titles, sections
from labor_portal.reporting.registry import registry
from tests.tenth_section.models import Visit


def test_the_declared_sections_are_ordered_and_include_the_tenth():
    labels = [config.label for config in sections()]
    assert labels[:3] == ["unions", "inspections", "disputes"]
    assert labels[-1] == "tenth_section"
    assert section_titles()["tenth_section"] == "第十業務"


def test_the_tenth_section_has_its_role_with_its_own_permissions(db):
    assert section_roles()["tenth_section"] == "第十科"
    group = Group.objects.get(name="第十科")
    apps_granted = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps_granted == {"tenth_section"}


def test_the_tenth_section_is_on_the_front_page_and_its_urls_are_included(client):
    response = client.get(reverse("home"))
    assert "第十項申請" in response.text
    assert reverse("tenth_section:apply") == "/tenth_section/apply/"
    assert client.get("/tenth_section/apply/").content == b"tenth"


def test_the_tenth_section_is_on_the_staff_home_with_its_queue_counted_in_one_query(client, make_staff):
    Visit.objects.create(visited_on=datetime.date(2020, 3, 2))
    Visit.objects.create(visited_on=datetime.date(2020, 3, 1))
    Visit.objects.create(visited_on=datetime.date(2020, 2, 1), done=True)
    client.force_login(make_staff("tenth_section"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("staff-home"))
    assert response.status_code == 200
    assert "第十業務" in response.text and "未完成的訪視" in response.text
    assert '<td>2</td>' in response.text  # the two visits not done
    assert '<time datetime="2020-03-01">' in response.text  # the earliest, passed: marked overdue
    assert "已逾期" in response.text
    visit_queries = [query for query in queries if "tenth_section_visit" in query["sql"]]
    assert len(visit_queries) == 1
    # Only its own section: the disputes queues are not there.
    assert "勞資關係" not in response.text


def test_the_tenth_section_is_in_the_api(client, make_staff):
    Visit.objects.create(visited_on=datetime.date(2020, 3, 2))
    client.force_login(make_staff("tenth_section"))
    response = client.get("/api/v1/tenth/visits/")
    assert response.status_code == 200
    assert "tenth/visits" in client.get("/api/v1/").text


def test_the_tenth_section_is_in_the_beat_schedule():
    assert celery_app.conf.beat_schedule["tenth-section-remind"]["task"] == "labor_portal.ping"
    # The portal's own entries are still there.
    assert "cases-outbox-flush" in celery_app.conf.beat_schedule


def test_the_tenth_section_is_in_the_report(db):
    Visit.objects.create(visited_on=datetime.date(2020, 3, 2))
    Visit.objects.create(visited_on=datetime.date(2020, 7, 1))  # the next half
    group = next(step for step in registry.steps() if getattr(step, "section", "") == "tenth_section")
    assert group.compute(HalfYear(2020, 1)) == {"tenth_section.visits": 1}
    assert "tenth_section.visits" in registry.ids()
