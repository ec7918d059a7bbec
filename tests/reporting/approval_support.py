"""Shared by the approval and open-data tests: generate a half-year as one official, approve as another."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings

from labor_portal.core.roles import APPROVERS, OFFICIALS
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.publication import report_run_approve
from labor_portal.reporting.services import report_run_execute


@pytest.fixture(autouse=True, scope="module")
def private_media(tmp_path_factory):
    """The module's reports are written to a folder of its own (module-wide: a report approved once for the
    module is read by each of its tests)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def approver(db):
    return _staff("approver", APPROVERS)


def report_staff() -> tuple:
    """(an official who generates, an approver): for a report made once for a module, apart from the tests' own
    `official` and `approver`."""
    return _staff("report-official", OFFICIALS), _staff("report-approver", APPROVERS)


def _staff(username: str, group: str):
    user = get_user_model().objects.create_user(username=username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def generate(user, period: str = "2020H1") -> ReportRun:
    run = ReportRun.objects.create(period=period, requested_by=user)
    assert report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    return run


def publish(requester, approver, period: str = "2020H1"):
    return report_run_approve(run_id=generate(requester, period).pk, approved_by=approver)
