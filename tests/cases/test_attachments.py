"""Attachments leave no file behind when a filing fails, and the sweep removes what a killed filing left."""

import io
import os
import time
import uuid
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DatabaseError

from disputes import services
from disputes.models import Attachment
from tests.disputes.factories import PDF_BYTES, file_case, pdf

pytestmark = pytest.mark.django_db


def _files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def _age(name: str, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(default_storage.path(name), (then, then))


def test_a_filing_that_fails_after_writing_its_file_leaves_nothing_on_disk(settings):
    # The case number is taken last, after the files are written: the database failing there rolls it all back.
    with mock.patch.object(services, "case_number_next", side_effect=DatabaseError("connection lost")), \
            pytest.raises(DatabaseError):
        file_case(files=[pdf(), pdf(name="second.pdf")])
    assert Attachment.objects.count() == 0
    assert _files(settings) == []


def test_documents_added_in_a_failing_transaction_leave_nothing_on_disk(settings):
    case = file_case().case
    with mock.patch.object(Attachment, "save", side_effect=DatabaseError("connection lost")), \
            pytest.raises(DatabaseError):
        services.dispute_case_add_documents(case=case, files=[pdf()])
    assert _files(settings) == []


def test_the_sweep_removes_files_of_filings_killed_before_commit_and_keeps_every_case_file(settings):
    kept = file_case(files=[pdf()]).case.attachments.get().file.name
    orphan = default_storage.save(f"disputes/{uuid.uuid4()}/{uuid.uuid4().hex}.pdf", ContentFile(PDF_BYTES))
    recent_orphan = default_storage.save(f"disputes/{uuid.uuid4()}/{uuid.uuid4().hex}.pdf", ContentFile(PDF_BYTES))
    _age(kept, hours=5)
    _age(orphan, hours=2)
    call_command("sweep_case_attachments", stdout=io.StringIO())
    assert not default_storage.exists(orphan)
    assert default_storage.exists(kept)
    # Younger than an hour: perhaps a filing still in its transaction.
    assert default_storage.exists(recent_orphan)


def test_a_file_kept_only_by_the_history_of_a_deleted_attachment_stays(settings):
    attachment = file_case(files=[pdf()]).case.attachments.get()
    name = attachment.file.name
    attachment.delete()
    _age(name, hours=2)
    call_command("sweep_case_attachments", stdout=io.StringIO())
    assert default_storage.exists(name)


def test_beat_sweeps_orphaned_files_every_hour(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["cases-sweep-orphan-attachments"]
    assert entry["task"] == "cases.attachment_orphans_sweep" and entry["schedule"] <= 3600
