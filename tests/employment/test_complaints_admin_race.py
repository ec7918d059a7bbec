"""A clerk's save and a complainant's withdrawal of the same complaint: neither is lost (as disputes' admin).

The admin reads the complaint under its row lock when it saves (ComplaintAdmin.get_object) and checks the form
against the state as it is then (the kit's SeenStateForm). A clerk who left the state as the form showed it keeps
the withdrawal and saves the rest of the edit; a clerk who changed the state too is told, and nothing of that
save is written until they save again knowingly.
"""

from datetime import date

import pytest
from django.urls import reverse

from employment import services
from employment.models import ComplaintStatus

from .complaints_helpers import file_complaint, isolated  # noqa: F401
from .test_complaints_admin import _post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(make_staff):
    return make_staff("employment", username="employment-clerk")


def _change_url(case):
    return reverse("admin:employment_scamcomplaint_change", args=[case.pk])


def _opened_form(client, case, **overrides):
    """The change form as the clerk's browser got it, with the state it showed, and the clerk's edits."""
    shown = client.get(_change_url(case)).context["adminform"].form
    return _post_data(case, seen_state=shown["seen_state"].value(), **overrides)


def test_a_clerk_saving_an_old_form_keeps_the_complainants_withdrawal_and_the_clerks_note(client, clerk):
    case = file_complaint("scam").case
    client.force_login(clerk)
    data = _opened_form(client, case, staff_notes="已電話聯絡業者")
    services.complaint_withdraw(case=case, withdrawn_on=date(2024, 7, 10))  # the citizen, meanwhile

    response = client.post(_change_url(case), data)

    assert response.status_code == 302, response.text[:2000]
    case.refresh_from_db()
    assert (case.status, case.concluded_on, case.staff_notes) == (
        ComplaintStatus.WITHDRAWN, date(2024, 7, 10), "已電話聯絡業者")
    assert [change.to_state for change in case.state_changes.all()] == ["received", "withdrawn"]


def test_a_clerk_changing_the_state_of_a_complaint_withdrawn_meanwhile_is_told_then_may_insist(client, clerk):
    case = file_complaint("scam").case
    client.force_login(clerk)
    data = _opened_form(client, case, status="investigating", handler=clerk.pk, assigned_on="2024-07-08",
                        staff_notes="分案調查")
    services.complaint_withdraw(case=case, withdrawn_on=date(2024, 7, 10))

    response = client.post(_change_url(case), data)

    assert response.status_code == 200
    assert "在您編輯時已變更為「撤回」" in response.text
    case.refresh_from_db()
    assert (case.status, case.staff_notes, case.handler) == (ComplaintStatus.WITHDRAWN, "", None)
    # The form now carries the state as it is: saving again overrides the withdrawal knowingly, and is logged.
    again = client.post(_change_url(case), {**data, "seen_state": response.context["adminform"].form["seen_state"]
                                            .value(), "state_reason": "申訴人來電表示誤按撤回"})
    assert again.status_code == 302, again.text[:2000]
    case.refresh_from_db()
    assert (case.status, case.concluded_on, case.handler) == (ComplaintStatus.INVESTIGATING, None, clerk)
    last = case.state_changes.last()
    assert (last.from_state, last.to_state, last.reason) == ("withdrawn", "investigating", "申訴人來電表示誤按撤回")


def test_a_form_opened_after_the_withdrawal_saves_as_usual(client, clerk):
    case = file_complaint("scam").case
    services.complaint_withdraw(case=case, withdrawn_on=date(2024, 7, 10))
    case.refresh_from_db()
    client.force_login(clerk)
    response = client.post(_change_url(case), _opened_form(client, case, concluded_on="2024-07-10",
                                                           staff_notes="已歸檔"))
    assert response.status_code == 302, response.text[:2000]
    case.refresh_from_db()
    assert (case.status, case.staff_notes, case.state_changes.count()) == (ComplaintStatus.WITHDRAWN, "已歸檔", 2)
