"""A rehabilitation case's stage log (issue 14): every stage change is logged (services, admin, import, API) and
the case-management figures read the stage as it stood at the period's end, so a reopened case does not change
a past half-year."""

from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse

from disability_services import services
from disability_services.demo import personal_id
from disability_services.imports import RehabilitationCaseImport
from disability_services.models import CaseStage, CaseStageChange, Client, RehabilitationCase
from disability_services.reports import CaseManagement
from disability_services.selectors import case_stages_on
from labor_portal.core.periods import HalfYear
from tests.spreadsheets import xlsx_upload

pytestmark = pytest.mark.django_db

H1, H2 = HalfYear(2020, 1), HalfYear(2020, 2)
CUMULATIVE = "disability_services.case_management.cumulative"


@pytest.fixture
def clerk(make_staff):
    return make_staff("disability_services")


def _client(n=1):
    return Client.objects.create(name=f"王小{n}", personal_id=personal_id(n), disability_level="mild")


def _case(clerk, n=1, opened_on=date(2019, 10, 1), **values):
    return services.rehabilitation_case_create(
        case=RehabilitationCase(client=_client(n), opened_on=opened_on, **values), user=clerk)


def _log(case):
    return list(case.stage_changes.order_by("changed_on", "changed_at", "pk")
                .values_list("from_state", "to_state", "changed_on"))


def test_a_case_closed_in_the_period_and_reopened_later_still_counts_as_closed_for_it(clerk):
    case = _case(clerk, stage=CaseStage.FOLLOW_UP)
    services.rehabilitation_case_stage_set(case=case, to_stage=CaseStage.CLOSED, user=clerk, on=date(2020, 3, 10),
                                           outcome="stable_3m")
    services.rehabilitation_case_stage_set(case=case, to_stage=CaseStage.FOLLOW_UP, user=clerk,
                                           on=date(2020, 8, 3), reason="再次轉介")
    case.refresh_from_db()
    assert (case.stage, case.closed_on, case.outcome) == (CaseStage.FOLLOW_UP, None, "")
    assert case_stages_on(H1.last_day) == {CaseStage.CLOSED: 1}
    assert case_stages_on(H2.last_day) == {CaseStage.FOLLOW_UP: 1}
    # Open for part of each half: served in both.
    assert CaseManagement().compute(H1)[CUMULATIVE] == 1
    assert CaseManagement().compute(H2)[CUMULATIVE] == 1


def test_a_case_closed_before_the_period_and_reopened_after_it_was_not_served_in_it(clerk):
    case = _case(clerk, stage=CaseStage.CLOSED, closed_on=date(2019, 12, 31), outcome="other_service")
    services.rehabilitation_case_stage_set(case=case, to_stage=CaseStage.PLAN, user=clerk, on=date(2020, 8, 3))
    assert CaseManagement().compute(H1)[CUMULATIVE] == 0
    assert CaseManagement().compute(H2)[CUMULATIVE] == 1
    assert case_stages_on(H1.last_day) == {CaseStage.CLOSED: 1}


def test_a_change_is_never_dated_before_the_previous_one(clerk):
    case = _case(clerk, opened_on=date(2020, 5, 1), stage=CaseStage.ASSESSMENT)
    services.rehabilitation_case_stage_set(case=case, to_stage=CaseStage.CLOSED, user=clerk, on=date(2020, 4, 1))
    assert _log(case) == [("", "assessment", date(2020, 5, 1)), ("assessment", "closed", date(2020, 5, 1))]
    assert case.closed_on == date(2020, 5, 1)
    with transaction.atomic():
        services.rehabilitation_case_stage_change(case=case, to_stage=CaseStage.CLOSED, user=clerk)
    assert len(_log(case)) == 2  # no change, no entry


def _admin_form(case, **values):
    data = {"client": case.client_id, "opened_on": case.opened_on.isoformat(), "stage": case.stage,
            "closed_on": case.closed_on.isoformat() if case.closed_on else "", "outcome": case.outcome,
            "manager": case.manager, "stage_changes-TOTAL_FORMS": "0", "stage_changes-INITIAL_FORMS": "0"}
    return {**data, **values}


def test_the_admin_logs_a_new_case_and_each_stage_change(client, clerk):
    client.force_login(clerk)
    response = client.post(reverse("admin:disability_services_rehabilitationcase_add"), {
        "client": _client().pk, "opened_on": "2020-02-03", "stage": "assessment", "closed_on": "", "outcome": "",
        "manager": "個管員1", "stage_changes-TOTAL_FORMS": "0", "stage_changes-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.text
    case = RehabilitationCase.objects.get()
    url = reverse("admin:disability_services_rehabilitationcase_change", args=[case.pk])
    response = client.post(url, _admin_form(case, stage="closed", closed_on="2020-06-20", outcome="stable_3m"))
    assert response.status_code == 302
    # Editing the manager only writes no entry.
    case.refresh_from_db()
    client.post(url, _admin_form(case, manager="個管員2"))
    assert _log(case) == [("", "assessment", date(2020, 2, 3)), ("assessment", "closed", date(2020, 6, 20))]
    assert CaseStageChange.objects.filter(changed_by=clerk).count() == 2
    page = client.get(url).text
    assert "個案階段變更紀錄" in page


def test_the_import_starts_each_new_case_log(client, clerk):
    _client(1), _client(2)
    client.force_login(clerk)
    rows = [[personal_id(1), "109/03/02", "評估", None, None, "個管員1"],
            [personal_id(2), "2019-09-01", "結案", "2020-01-15", "穩定就業三個月以上", "個管員2"]]
    response = client.post(reverse("admin:disability_services_rehabilitationcase_import"),
                           {"file": xlsx_upload(RehabilitationCaseImport().headers, rows)})
    assert response.status_code == 302
    assert sorted(CaseStageChange.objects.values_list("to_state", "changed_on")) == [
        ("assessment", date(2020, 3, 2)), ("closed", date(2020, 1, 15))]


def test_the_api_logs_a_stage_change_and_refuses_a_closed_case_without_its_day(client, clerk):
    case = _case(clerk, opened_on=date(2020, 2, 1), stage=CaseStage.PLAN)
    client.force_login(clerk)
    url = f"/api/v1/disability_services/rehabilitation-cases/{case.pk}/"
    refused = client.patch(url, {"stage": "closed"}, content_type="application/json")
    assert refused.status_code == 400
    done = client.patch(url, {"stage": "closed", "closed_on": "2020-05-05", "outcome": "withdrawn"},
                        content_type="application/json")
    assert done.status_code == 200, done.content
    assert _log(case)[-1] == ("plan", "closed", date(2020, 5, 5))
    created = client.post("/api/v1/disability_services/rehabilitation-cases/",
                          {"client": _client(2).pk, "opened_on": "2020-03-01", "stage": "referral"},
                          content_type="application/json")
    assert created.status_code == 201
    assert CaseStageChange.objects.filter(case_id=created.json()["id"]).count() == 1
