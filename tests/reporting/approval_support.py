"""Shared by the approval and open-data tests: generate a half-year as one official, approve as another."""

import pytest
from django.contrib.auth.models import Group

from labor_portal.core.roles import APPROVERS
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.publication import report_run_approve
from labor_portal.reporting.services import report_run_execute


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def approver(django_user_model, db):
    user = django_user_model.objects.create_user(username="approver", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


def generate(user, period: str = "2020H1") -> ReportRun:
    run = ReportRun.objects.create(period=period, requested_by=user)
    assert report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    return run


def publish(requester, approver, period: str = "2020H1"):
    return report_run_approve(run_id=generate(requester, period).pk, approved_by=approver)
