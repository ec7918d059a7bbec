"""Approval publishes and locks a half-year; approving needs a second person; a later run is a revision."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from labor_portal.core.roles import APPROVERS
from labor_portal.reporting import workbook
from labor_portal.reporting.models import Publication, PublicationLocked, ReportRun
from labor_portal.reporting.publication import ApprovalRefused, report_diff, report_run_approve
from tests.reporting import approval_support
from tests.reporting.approval_support import generate, publish
from tests.unions.factories import StatutoryMeetingFactory, UnionFactory
from unions.models import MeetingKind, StatutoryMeeting

approver, private_media = approval_support.approver, approval_support.private_media  # fixtures


@pytest.fixture
def meetings(db):
    union = UnionFactory()
    return [
        StatutoryMeetingFactory(union=union, kind=MeetingKind.BOARD_OF_DIRECTORS, held_on=date(2020, 3, day))
        for day in (2, 3, 4)
    ]


def _bytes(field) -> bytes:
    with field.open("rb") as stored:
        return stored.read()


def test_an_approved_half_year_stays_byte_equal_after_records_change_and_a_new_generation(
        official, approver, meetings, client):
    publication = publish(official, approver)
    snapshot, xlsx = publication.snapshot, _bytes(publication.workbook)
    assert publication.revision == 1 and publication.run.requested_by == official
    meetings_table = next(t for t in snapshot["tables"] if t["id"] == "unions.statutory_meetings")
    assert meetings_table["rows"][0]["values"][1] == 3

    StatutoryMeetingFactory(union=meetings[0].union, held_on=date(2020, 5, 1))
    StatutoryMeeting.objects.filter(pk=meetings[0].pk).update(kind=MeetingKind.GENERAL_ASSEMBLY)
    later = generate(official)

    stored = Publication.objects.get(pk=publication.pk)
    assert stored.snapshot == snapshot and _bytes(stored.workbook) == xlsx
    assert later.snapshot != snapshot  # the records did change: only the publication holds still
    # The approved run downloads as published, from the page's link and the API alike.
    client.force_login(official)
    assert client.get(reverse("reportrun-xlsx", args=[publication.run_id])).content == xlsx
    published = client.get(reverse("reports:published-xlsx", args=["2020H1", 1]))
    assert b"".join(published.streaming_content) == xlsx


def test_a_published_revision_refuses_to_be_saved_again(official, approver, meetings):
    publication = publish(official, approver)
    publication.snapshot = {"tables": [], "indicators": []}
    with pytest.raises(PublicationLocked):
        publication.save()
    assert Publication.objects.get(pk=publication.pk).snapshot["tables"]


def test_the_workbook_is_rendered_once_more_with_the_approval_on_its_cover(official, approver, meetings, monkeypatch):
    calls = []
    real = workbook.render_workbook

    def spy(snapshot, *, lang="zh-hant", status=None):
        calls.append((lang, status))
        return real(snapshot)

    run = generate(official)
    monkeypatch.setattr(workbook, "render_workbook", spy)
    publication = report_run_approve(run_id=run.pk, approved_by=approver)
    statuses = dict(calls)
    assert statuses["zh-hant"] == {
        "state": "approved", "approved_at": publication.approved_at.isoformat(), "approved_by": "approver",
        "revision": 1,
    }
    assert publication.workbook_en  # the renderer took the language: the English workbook is published too


def test_four_eyes_the_official_who_generated_may_not_approve(official, approver, meetings, client):
    official.groups.add(Group.objects.get(name=APPROVERS))  # even with approval rights
    run = generate(official)
    with pytest.raises(ApprovalRefused, match="雙人覆核"):
        report_run_approve(run_id=run.pk, approved_by=official)
    client.force_login(official)
    page = client.get(reverse("reports:run", args=[run.pk]))
    assert "雙人覆核" in page.text and reverse("reports:approve", args=[run.pk]) not in page.text
    response = client.post(reverse("reports:approve", args=[run.pk]), follow=True)
    assert "雙人覆核" in response.text
    assert not Publication.objects.exists()

    client.force_login(approver)
    assert reverse("reports:approve", args=[run.pk]) in client.get(reverse("reports:run", args=[run.pk])).text
    client.post(reverse("reports:approve", args=[run.pk]))
    assert Publication.objects.get().approved_by == approver


def test_a_clerk_or_an_official_without_approval_rights_cannot_approve(official, union_clerk, make_staff, meetings,
                                                                      client):
    run = generate(make_staff("officials", "another-official"))
    for user in (official, union_clerk):
        client.force_login(user)
        assert client.post(reverse("reports:approve", args=[run.pk])).status_code == 403
    with pytest.raises(ApprovalRefused):
        report_run_approve(run_id=run.pk, approved_by=official)
    assert not Publication.objects.exists()


def test_an_unfinished_run_cannot_be_approved(official, approver):
    run = ReportRun.objects.create(period="2020H1", requested_by=official)
    with pytest.raises(ApprovalRefused):
        report_run_approve(run_id=run.pk, approved_by=approver)


def test_a_revision_lists_exactly_the_changed_cells_and_is_approved_in_its_turn(
        official, approver, make_staff, meetings, client):
    first = publish(official, approver)
    stale = generate(make_staff("officials", "earlier"))  # generated before the correction below
    StatutoryMeeting.objects.filter(pk=meetings[0].pk).update(kind=MeetingKind.GENERAL_ASSEMBLY)
    revision_run = generate(official)

    diff = report_diff(first.snapshot, revision_run.snapshot)
    assert diff == {
        "cells": [
            {"table": "unions.statutory_meetings", "title_zh": "各級工會組織召開法定會議統計", "row": "會次",
             "column": "會員(代表)大會", "old": 0, "new": 1},
            {"table": "unions.statutory_meetings", "title_zh": "各級工會組織召開法定會議統計", "row": "會次",
             "column": "理事會", "old": 3, "new": 2},
        ],
        "indicators": [],
    }
    client.force_login(approver)
    page = client.get(reverse("reports:run", args=[revision_run.pk]))
    assert "與已公布第 1 版的差異" in page.text and "會員(代表)大會" in page.text

    # Approved in its turn, by someone other than its requester.
    with pytest.raises(ApprovalRefused):
        report_run_approve(run_id=revision_run.pk, approved_by=official)
    client.post(reverse("reports:approve", args=[revision_run.pk]))
    second = Publication.objects.get(period="2020H1", revision=2)
    assert second.diff == diff and second.run == revision_run
    assert list(Publication.objects.filter(period="2020H1").values_list("revision", flat=True)) == [2, 1]
    page = client.get(reverse("reports:run", args=[revision_run.pk]))
    assert "第 2 版" in page.text and "第 1 版" in page.text  # the history of revisions
    # A run older than the published revision cannot be published over it.
    with pytest.raises(ApprovalRefused, match="比這次產製新"):
        report_run_approve(run_id=stale.pk, approved_by=approver)


def test_a_revision_with_no_change_says_so(official, approver, meetings, client):
    publish(official, approver)
    run = generate(official)
    client.force_login(approver)
    assert "沒有任何數字變動" in client.get(reverse("reports:run", args=[run.pk])).text


def test_the_diff_of_a_row_that_appears_lists_its_cells_as_new():
    old = {"tables": [{"id": "t.x", "title_zh": "表", "columns": ["甲"], "rows": [{"label": "a", "values": [1]}]}],
           "indicators": [{"id": "i.y", "label_zh": "指標", "value": 5}]}
    new = {"tables": [{"id": "t.x", "title_zh": "表", "columns": ["甲"],
                       "rows": [{"label": "a", "values": [1]}, {"label": "b", "values": [2]}]}],
           "indicators": [{"id": "i.y", "label_zh": "指標", "value": 6}]}
    assert report_diff(old, new) == {
        "cells": [{"table": "t.x", "title_zh": "表", "row": "b", "column": "甲", "old": None, "new": 2}],
        "indicators": [{"id": "i.y", "label_zh": "指標", "old": 5, "new": 6}],
    }
