"""A violations import starts every penalty's status log in bulk, not one insert per penalty."""

import time
from datetime import date

from django.db.models import F

from inspections.imports import ViolationImport
from inspections.models import PenaltyStatus, PenaltyStatusChange, Violation
from tests.spreadsheets import xlsx_upload

from .factories import EstablishmentFactory

ROWS = 2000


def test_two_thousand_violations_write_their_status_log_in_a_bounded_number_of_queries(
        make_staff, django_assert_max_num_queries):
    clerk = make_staff("inspections")
    EstablishmentFactory(business_number="04595257")
    statuses = ["確定", "訴願中"]
    rows = [["04595257", "勞動基準法", 24, "", "109/04/20", 20000, None, statuses[index % 2]]
            for index in range(ROWS)]
    upload = xlsx_upload(ViolationImport().headers, rows)
    started = time.perf_counter()
    # Batches of violations, their history rows and their status-log rows (SQLite caps a statement at 999
    # parameters, so a batch there is ~50-130 rows): about 45 queries per 1,000 rows on SQLite, fewer on
    # PostgreSQL. One log insert per penalty would be 2,000 more.
    with django_assert_max_num_queries(ROWS // 1000 * 50) as captured:
        result = ViolationImport().run(upload, user=clerk)
    seconds = time.perf_counter() - started
    print(f"\n{ROWS:,}-row violation import: {seconds:.2f} s, {len(captured.captured_queries)} queries")
    assert result.errors == []
    assert result.created == ROWS
    log = PenaltyStatusChange.objects.filter(from_state="", changed_on=date(2020, 4, 20), changed_by=clerk)
    assert log.count() == ROWS
    assert log.filter(to_state=PenaltyStatus.UNDER_APPEAL).count() == ROWS // 2
    # One entry for each penalty, saying the status it was imported with.
    assert not Violation.objects.filter(status_changes__isnull=True).exists()
    assert not Violation.objects.exclude(status_changes__to_state=F("status")).exists()
