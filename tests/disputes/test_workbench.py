"""The disputes section's queues on the staff home: new online applications, the two deadlines of the
Labor-Management Dispute Act art. 12 (read from LegalRule data), and the clerk's own open cases."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from disputes import services
from disputes.models import DisputeCase, MediationChannel
from disputes.workbench import queues
from labor_portal.core.models import LegalRule

from .factories import file_case

pytestmark = pytest.mark.django_db


def _counted(user, today):
    return {str(row["title"]): row for row in queues(user, today).count(today)}


def test_new_online_applications_and_the_assignment_deadline(make_staff):
    clerk = make_staff("disputes")
    today = date(2020, 3, 10)
    file_case(filed_on=date(2020, 3, 6))   # due 03-09: passed
    file_case(filed_on=date(2020, 3, 8))   # due 03-11: near (a day away)
    file_case(filed_on=date(2020, 3, 9))   # due 03-12: not yet
    rows = _counted(clerk, today)
    assert rows["新進線上申請，尚未分案"]["count"] == 3
    deadline = rows["指派調解人期限將屆或已逾"]
    assert deadline["count"] == 2
    assert deadline["due"] == date(2020, 3, 9)  # the earliest
    assert deadline["overdue"] and deadline["urgent"]


def test_not_overdue_on_the_due_date_itself(make_staff):
    clerk = make_staff("disputes")
    file_case(filed_on=date(2020, 3, 6))
    deadline = _counted(clerk, date(2020, 3, 9))["指派調解人期限將屆或已逾"]
    assert deadline["due"] == date(2020, 3, 9) and not deadline["overdue"]


def test_an_amended_deadline_applies_from_its_date(make_staff):
    clerk = make_staff("disputes")
    file_case(filed_on=date(2020, 3, 1))
    LegalRule.objects.create(key="disputes.assign_within_days", value=5, valid_from=date(2020, 1, 1),
                             title="指派調解人期限（日）", citation="勞資爭議處理法第12條第1項")
    assert _counted(clerk, date(2020, 3, 10))["指派調解人期限將屆或已逾"]["due"] == date(2020, 3, 6)
    # Before the amendment, the original three days.
    assert _counted(clerk, date(2019, 12, 31))["指派調解人期限將屆或已逾"]["count"] == 0


def test_the_mediation_start_deadline_and_my_open_cases(make_staff):
    clerk, colleague = make_staff("disputes"), make_staff("disputes", username="colleague")
    case = file_case(filed_on=date(2020, 3, 1)).case
    services.dispute_case_assign(case=case, channel=MediationChannel.MEDIATOR, mediation_body="調解人 陳○○",
                                 assigned_on=date(2020, 3, 2))
    DisputeCase.objects.filter(pk=case.pk).update(handler=clerk)
    file_case(filed_on=date(2020, 3, 1))
    rows = _counted(clerk, date(2020, 3, 8))
    assert rows["開始調解期限將屆或已逾"]["count"] == 1
    assert rows["開始調解期限將屆或已逾"]["due"] == date(2020, 3, 9)
    assert rows["我承辦中的案件"]["count"] == 1
    assert _counted(colleague, date(2020, 3, 8))["我承辦中的案件"]["count"] == 0


def test_the_staff_home_shows_the_queues_in_bounded_queries(client, make_staff, django_assert_max_num_queries):
    clerk = make_staff("disputes")
    for days_ago in range(10):
        file_case(filed_on=timezone.localdate() - timedelta(days=days_ago))
    client.force_login(clerk)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("staff-home"))
    assert "新進線上申請，尚未分案" in response.text
    assert "<td>10</td>" in response.text
    assert "已逾期" in response.text
    assert reverse("admin:disputes_disputecase_changelist") + "?status__exact=received" in response.text


def test_the_queue_links_open_the_admin_list_filtered(client, make_staff):
    clerk = make_staff("disputes")
    mine, other = file_case().case, file_case().case
    DisputeCase.objects.filter(pk=mine.pk).update(handler=clerk)
    client.force_login(clerk)
    home = client.get(reverse("staff-home")).text
    link = reverse("admin:disputes_disputecase_changelist") + f"?handler__id__exact={clerk.pk}"
    assert link.replace("&", "&amp;") in home or link in home
    listed = client.get(link)
    assert listed.status_code == 200
    assert mine.case_number in listed.text and other.case_number not in listed.text


def test_a_case_is_handled_by_one_of_the_sections_own_staff(client, make_staff):
    clerk = make_staff("disputes")
    make_staff("unions", username="unions-clerk")
    case = file_case().case
    client.force_login(clerk)
    form = client.get(reverse("admin:disputes_disputecase_change", args=[case.pk])).context["adminform"].form
    assert list(form.fields["handler"].queryset) == [clerk]
