"""What the section's staff use: the workbench queues, the roster import, the admin's masked client data and
read log, the reward actions and the API."""

from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from disability_services.imports import MonthlyRosterImport
from disability_services.models import Client, DisabilityLevel, MonthlyRoster, RewardStatus
from labor_portal.cases.models import PersonalDataRead
from tests.spreadsheets import xlsx_upload

from .factories import MonthlyRosterFactory, QuotaEmployerFactory, RewardApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(make_staff):
    return make_staff("disability_services")


def _queues(user, today=date(2020, 7, 15)):
    workbench = apps.get_app_config("disability_services").queues(user, today)
    return {row["title"]: row for row in workbench.count(today)}


def test_employers_below_quota_for_three_months_and_waiting_rewards_are_queued(clerk):
    always_below, recovered = QuotaEmployerFactory(), QuotaEmployerFactory()
    for month in (4, 5, 6):
        MonthlyRosterFactory(employer=always_below, month=date(2020, month, 1), insured_headcount=500, disabled=1)
        # Below in April and May, at quota in June: not three months in a row.
        MonthlyRosterFactory(employer=recovered, month=date(2020, month, 1), insured_headcount=500,
                             disabled=5 if month == 6 else 0)
    RewardApplicationFactory()
    RewardApplicationFactory(status=RewardStatus.APPROVED, decided_on=date(2020, 5, 1), persons=1, amount=5_000)
    queues = _queues(clerk)
    assert queues["連續3個月以上未足額進用"]["count"] == 1
    assert queues["超額進用獎勵申請待核定"]["count"] == 1


def test_the_below_quota_queue_links_to_those_employers(client, clerk):
    employer = QuotaEmployerFactory(name="長期不足額示範公司")
    QuotaEmployerFactory(name="足額示範公司")
    for month in (4, 5, 6):
        MonthlyRosterFactory(employer=employer, month=date(2020, month, 1), insured_headcount=500, disabled=0)
    client.force_login(clerk)
    page = client.get(reverse("admin:disability_services_quotaemployer_changelist") + "?queue=below").text
    assert "長期不足額示範公司" in page and "足額示範公司" not in page.replace("長期不足額示範公司", "")


def test_rosters_import_from_excel_and_a_month_twice_is_refused(client, clerk):
    QuotaEmployerFactory(business_number="12345675")
    client.force_login(clerk)
    url = reverse("admin:disability_services_monthlyroster_import")
    rows = [["12345675", "109/06/01", 120, 2, 1, 2, 0, 0], ["12345675", "2020-05-01", 118, 2, 1, 0, 0, 1]]
    response = client.post(url, {"file": xlsx_upload(MonthlyRosterImport().headers, rows)})
    assert response.status_code == 302
    assert MonthlyRoster.objects.count() == 2
    again = client.post(url, {"file": xlsx_upload(MonthlyRosterImport().headers, rows[:1])})
    assert "此單位該月份已有名冊" in again.text
    assert MonthlyRoster.objects.count() == 2


def test_the_roster_list_shows_the_art_38_result(client, clerk):
    MonthlyRosterFactory(insured_headcount=500, disabled=1)  # 5 required, 4 missing: 95,200 a month
    client.force_login(clerk)
    page = client.get(reverse("admin:disability_services_monthlyroster_changelist")).text
    assert "不足額進用" in page and "95,200" in page


def test_approving_a_reward_in_the_admin_uses_the_rosters_and_the_rate(client, clerk):
    employer = QuotaEmployerFactory()
    for month in (1, 2, 3):
        MonthlyRosterFactory(employer=employer, month=date(2020, month, 1), insured_headcount=100, disabled=3)
    application = RewardApplicationFactory(employer=employer)
    client.force_login(clerk)
    client.post(reverse("admin:disability_services_rewardapplication_changelist"),
                {"action": "approve", "_selected_action": [application.pk]})
    application.refresh_from_db()
    assert (application.status, application.persons, application.amount) == (RewardStatus.APPROVED, 2, 10_000)


@pytest.fixture
def person():
    return Client.objects.create(name="王大明", personal_id="A123456789", disability_level=DisabilityLevel.SEVERE,
                                 disability_category="肢體障礙")


def test_clients_are_masked_in_the_list_and_in_full_on_their_page_with_the_read_logged(client, clerk, person):
    client.force_login(clerk)
    listing = client.get(reverse("admin:disability_services_client_changelist")).text
    assert "王○明" in listing and "王大明" not in listing and "A123456789" not in listing
    assert "重度" not in listing  # health data: on the client's own page only
    assert not PersonalDataRead.objects.exists()
    page = client.get(reverse("admin:disability_services_client_change", args=[person.pk])).text
    assert "A123456789" in page
    assert PersonalDataRead.objects.filter(viewer=clerk, object_id=str(person.pk)).count() == 1


def test_the_api_lists_clients_masked_to_the_section_only(client, clerk, make_staff, person):
    client.force_login(clerk)
    response = client.get("/api/v1/disability_services/clients/")
    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert rows[0]["name"] == "王○明" and "A123456789" not in response.text
    assert "severe" not in response.text and "肢體障礙" not in response.text
    client.force_login(make_staff("unions"))
    assert client.get("/api/v1/disability_services/clients/").status_code == 403


def test_a_client_is_found_by_full_id_and_the_search_is_logged(client, clerk, person):
    client.force_login(clerk)
    listing = client.get(reverse("admin:disability_services_client_changelist"), {"q": "A123456789"}).text
    assert "王○明" in listing and "王大明" not in listing
    assert PersonalDataRead.objects.filter(viewer=clerk, page="search").count() == 1
    by_name = client.get(reverse("admin:disability_services_client_changelist"), {"q": "王大明"})
    assert by_name.status_code == 200 and "王○明" in by_name.text
