"""A harassment complaint's filing deadline follows its dates: when staff correct the day the complainant learned
of it, the act's end or the respondent's role, the deadline, its basis and the "appears late" flag are
recomputed (services.complaint_staff_change, which the admin's save calls)."""

from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse

from employment import services
from employment.models import HarassmentComplaint
from employment.timelimits import years_after

from .complaints_helpers import file_complaint, isolated  # noqa: F401
from .test_complaints_admin import _post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(make_staff):
    return make_staff("employment", username="employment-clerk")


def _filed():
    # Filed 2024-07-01 about an act that ended, and was learned of, on 2024-06-01: well within two years.
    case = file_complaint("harassment").case
    assert (case.filing_deadline, case.appears_late) == (years_after(date(2024, 6, 1), 2), False)
    return case


def _harassment_data(case, **overrides):
    case.ad_text = ""  # _post_data is the scam form's; a harassment complaint has no ad
    fields = {name: getattr(case, name) for name in (
        "complainant_role", "route", "respondent_name", "respondent_title")}
    dates = {name: value.isoformat() if (value := getattr(case, name)) else "" for name in (
        "complainant_birth_date", "act_ended_on", "learned_on", "left_job_on")}
    return _post_data(case, **{**fields, **dates, **overrides})


def test_a_clerk_correcting_the_day_learned_in_the_admin_recomputes_the_deadline(client, clerk):
    case = _filed()
    client.force_login(clerk)
    url = reverse("admin:employment_harassmentcomplaint_change", args=[case.pk])
    shown = client.get(url).context["adminform"].form
    response = client.post(url, _harassment_data(case, learned_on="2021-03-01", act_ended_on="2021-02-01",
                                                 seen_state=shown["seen_state"].value()))
    assert response.status_code == 302, response.text[:2000]
    case.refresh_from_db()
    assert case.learned_on == date(2021, 3, 1)
    assert case.filing_deadline == years_after(date(2021, 3, 1), 2) and case.appears_late
    assert case.deadline_basis.endswith("第2項第1款")
    # The list's "appears late" filter now finds it.
    listed = client.get(reverse("admin:employment_harassmentcomplaint_changelist") + "?appears_late__exact=1")
    assert case.case_number in listed.text


def test_abuse_of_power_recorded_later_lengthens_the_deadline_and_clears_the_flag():
    case = _filed()
    with transaction.atomic():
        case = HarassmentComplaint.objects.select_for_update().get(pk=case.pk)
        case.learned_on, case.act_ended_on = date(2022, 5, 1), date(2022, 5, 1)
        services.complaint_staff_change(case=case, previous_status=case.status, user=None)
    case.refresh_from_db()
    assert (case.filing_deadline, case.appears_late) == (years_after(date(2022, 5, 1), 2), True)

    with transaction.atomic():
        case = HarassmentComplaint.objects.select_for_update().get(pk=case.pk)
        case.respondent_abused_power = True  # 3 years from learning, 7 from the act: not late after all
        services.complaint_staff_change(case=case, previous_status=case.status, user=None)
    case.refresh_from_db()
    assert (case.filing_deadline, case.appears_late) == (years_after(date(2022, 5, 1), 3), False)
    assert case.deadline_basis.endswith("第2項第2款")
