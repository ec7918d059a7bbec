"""The penalty table reads each penalty's status as it stood at the period's end, from its state log.

Every way a penalty is entered or its status changed writes the log: the admin, the Excel import, the API.
"""

from datetime import date

import pytest
from django.urls import reverse

from inspections import services
from inspections.imports import ViolationImport
from inspections.models import PenaltyStatus, PenaltyStatusChange, Violation
from inspections.reports import LSAViolationsByArticle
from labor_portal.core.periods import HalfYear
from tests.spreadsheets import xlsx_upload

from .factories import EstablishmentFactory, ViolationFactory

pytestmark = pytest.mark.django_db
H1 = HalfYear(2020, 1)


def _count(django_assert_num_queries) -> list:
    with django_assert_num_queries(1):
        return LSAViolationsByArticle().compute(H1)[1].values


def _revoke(violation, on, user=None):
    return services.violation_status_set(violation=violation, to_state=PenaltyStatus.REVOKED, user=user,
                                         reason="訴願決定撤銷原處分", on=on)


def test_a_penalty_revoked_after_the_period_still_counts_for_it(django_assert_num_queries):
    revoked_later = ViolationFactory(article=24, decided_on=date(2020, 4, 1))
    ViolationFactory(article=24, decided_on=date(2020, 5, 1))
    before = _count(django_assert_num_queries)
    assert before[0] == 2

    _revoke(revoked_later, date(2020, 9, 1))

    assert _count(django_assert_num_queries) == before
    revoked_later.refresh_from_db()
    assert revoked_later.status == PenaltyStatus.REVOKED  # the register and the API show it revoked now


def test_a_penalty_revoked_within_the_period_does_not_count(django_assert_num_queries):
    _revoke(ViolationFactory(article=24, decided_on=date(2020, 4, 1)), date(2020, 6, 30))
    assert _count(django_assert_num_queries)[0] is None  # no article reached the ranking


def test_a_penalty_under_appeal_at_the_period_end_counts_once_confirmed_only_later(django_assert_num_queries):
    appealed = ViolationFactory(article=30, decided_on=date(2020, 5, 4), status=PenaltyStatus.UNDER_APPEAL)
    services.violation_status_set(violation=appealed, to_state=PenaltyStatus.FINAL, user=None,
                                  reason="訴願駁回", on=date(2020, 8, 1))
    assert _count(django_assert_num_queries)[0] is None
    assert LSAViolationsByArticle().compute(HalfYear(2020, 2))[1].values[0] is None  # decided in 2020H1


def test_a_status_change_in_the_admin_is_logged_with_the_clerk(client, make_staff):
    clerk = make_staff("inspections")
    violation = ViolationFactory(article=24, decided_on=date(2020, 4, 1))
    client.force_login(clerk)
    url = reverse("admin:inspections_violation_change", args=[violation.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(status=PenaltyStatus.UNDER_APPEAL, establishment=violation.establishment_id)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    last = PenaltyStatusChange.objects.filter(violation=violation).last()
    assert (last.from_state, last.to_state, last.changed_by) == (PenaltyStatus.FINAL, PenaltyStatus.UNDER_APPEAL, clerk)


def test_imported_penalties_start_their_log_on_their_decision_date(client, make_staff):
    client.force_login(make_staff("inspections"))
    EstablishmentFactory(business_number="04595257")
    rows = [["04595257", "勞動基準法", 24, "高市勞條字第1號", date(2020, 4, 20), 20000, None, "確定"]]
    response = client.post(reverse("admin:inspections_violation_import"),
                           {"file": xlsx_upload(ViolationImport().headers, rows)})
    assert response.status_code == 302
    change = PenaltyStatusChange.objects.get(violation=Violation.objects.get())
    assert (change.from_state, change.to_state, change.changed_on) == ("", PenaltyStatus.FINAL, date(2020, 4, 20))


def test_a_status_change_through_the_api_is_logged(client, make_staff):
    client.force_login(make_staff("inspections"))
    violation = ViolationFactory(article=24, decided_on=date(2020, 4, 1))
    response = client.patch(f"/api/v1/inspections/violations/{violation.pk}/", {"status": "revoked"},
                            content_type="application/json")
    assert response.status_code == 200, response.content
    assert list(PenaltyStatusChange.objects.filter(violation=violation).values_list("to_state", flat=True)) == [
        PenaltyStatus.FINAL, PenaltyStatus.REVOKED]


def test_a_penalty_entered_in_the_admin_starts_its_log(client, make_staff):
    clerk = make_staff("inspections")
    client.force_login(clerk)
    firm = EstablishmentFactory()
    response = client.post(reverse("admin:inspections_violation_add"), {
        "establishment": firm.pk, "law": "lsa", "article": 24, "decision_number": "", "decided_on": "2020-04-01",
        "fine_imposed": 20000, "fine_after_appeal": "", "status": "appeal", "inspection": "", "osh_inspection": ""})
    assert response.status_code == 302
    change = PenaltyStatusChange.objects.get()
    assert (change.to_state, change.changed_on, change.changed_by) == (PenaltyStatus.UNDER_APPEAL, date(2020, 4, 1), clerk)
