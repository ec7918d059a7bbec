"""A clerk's save and a citizen's withdrawal of the same case: neither is lost.

The admin reads the case under its row lock when it saves (DisputeCaseAdmin.get_object) and checks the form
against the state as it is then. A clerk who left the state as the form showed it keeps the citizen's
withdrawal and saves the rest of the edit; a clerk who changed the state too is told the case changed meanwhile,
and nothing of that save is written.
"""

import threading
from datetime import date

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from disputes import services
from disputes.models import DisputeStateChange, DisputeStatus, MediationChannel

from .factories import file_case
from .test_staff_admin import _form


def _change_url(case):
    return reverse("admin:disputes_disputecase_change", args=[case.pk])


def _assigned_case():
    case = file_case(filed_on=date(2020, 3, 2), email="").case
    return services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人 陳○○",
                                        assigned_on=date(2020, 3, 5))


def _opened_form(client, case, **overrides):
    """The change form as the clerk's browser got it, with the state it showed, and the clerk's edits."""
    shown = client.get(_change_url(case)).context["adminform"].form
    return _form(case, seen_state=shown["seen_state"].value(), **overrides)


@pytest.mark.django_db
def test_a_clerk_saving_an_old_form_keeps_the_citizens_withdrawal_and_the_clerks_note(client, dispute_clerk):
    case = _assigned_case()
    client.force_login(dispute_clerk)
    data = _opened_form(client, case, staff_notes="已電話聯絡對造")
    services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 3, 10))  # the citizen, meanwhile

    response = client.post(_change_url(case), data)

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.concluded_on, case.staff_notes) == (
        DisputeStatus.WITHDRAWN, date(2020, 3, 10), "已電話聯絡對造")
    assert DisputeStateChange.objects.filter(case=case).last().to_state == DisputeStatus.WITHDRAWN


@pytest.mark.django_db
def test_a_clerk_changing_the_state_of_a_case_withdrawn_meanwhile_is_told(client, dispute_clerk):
    case = _assigned_case()
    client.force_login(dispute_clerk)
    data = _opened_form(client, case, status="scheduled", staff_notes="排定會議",
                        **{"sessions-TOTAL_FORMS": 1, "sessions-0-held_on": "2020-03-20",
                           "sessions-0-place": "第一調解室", "sessions-0-case": case.pk})
    services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 3, 10))

    response = client.post(_change_url(case), data)

    assert response.status_code == 200
    assert "在您編輯時已變更為「撤回」" in response.text
    case.refresh_from_db()
    assert (case.status, case.staff_notes, case.sessions.count()) == (DisputeStatus.WITHDRAWN, "", 0)


@pytest.mark.django_db
def test_a_clerks_state_change_is_logged_with_the_clerk(client, dispute_clerk):
    case = _assigned_case()
    client.force_login(dispute_clerk)
    response = client.post(_change_url(case), _opened_form(
        client, case, status="withdrawn", concluded_on="2020-03-12", staff_notes="申請人以電話撤回"))
    assert response.status_code == 302
    last = DisputeStateChange.objects.filter(case=case).last()
    assert (last.from_state, last.to_state, last.changed_on, last.changed_by) == (
        DisputeStatus.ASSIGNED, DisputeStatus.WITHDRAWN, date(2020, 3, 12), dispute_clerk)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_an_admin_save_racing_a_citizen_withdrawal_loses_neither(dispute_clerk):
    case = _assigned_case()
    clerk = Client()
    clerk.force_login(dispute_clerk)
    data = _opened_form(clerk, case, staff_notes="已電話聯絡對造")
    withdrawn, admin_started, results = threading.Event(), threading.Event(), {}

    def citizen():
        # The withdrawal holds the case's row lock while the clerk's save starts, then commits.
        try:
            with transaction.atomic():
                services.dispute_case_withdraw(case=case, withdrawn_on=date(2020, 3, 10))
                withdrawn.set()
                admin_started.wait(timeout=10)
                # Give the admin's request time to reach the row lock and wait on it.
                threading.Event().wait(0.5)
        finally:
            connection.close()

    def admin():
        try:
            withdrawn.wait(timeout=10)
            admin_started.set()
            results["status_code"] = clerk.post(_change_url(case), data).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=citizen), threading.Thread(target=admin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results["status_code"] == 302
    case.refresh_from_db()
    assert (case.status, case.concluded_on, case.staff_notes) == (
        DisputeStatus.WITHDRAWN, date(2020, 3, 10), "已電話聯絡對造")
    log = list(DisputeStateChange.objects.filter(case=case).values_list("to_state", flat=True))
    assert log == [DisputeStatus.RECEIVED, DisputeStatus.ASSIGNED, DisputeStatus.WITHDRAWN]
