"""Writes of the labor-conditions section: a penalty's status changes, logged for the reports."""

from datetime import date
from itertools import islice

from django.db import transaction
from django.utils import timezone

from inspections.models import PenaltyStatusChange, Violation
from labor_portal.cases.statelog import case_state_change

# The reason on every backfilled change: it was derived from the records when the state log was introduced.
BACKFILL_REASON = "依既有資料補登"


def violation_status_log_start(*, violation: Violation, user) -> PenaltyStatusChange:
    """The first entry of a new penalty's log: its status as entered, on its decision date (the admin, the
    import and the demo call this in the transaction that inserts the violation)."""
    return PenaltyStatusChange.objects.create(
        violation=violation, from_state="", to_state=violation.status, changed_on=violation.decided_on,
        changed_by=user,
    )


def violation_status_change(*, violation: Violation, to_state: str, user, reason: str = "",
                            on: date | None = None) -> Violation:
    """Change a penalty's status (an appeal filed, decided, the penalty revoked), under the row lock, with its
    log entry; the caller saves the violation's other fields.

    `on` is the day the change counts on in reports (default today); it is never before the previous change,
    so that the log's order stays the penalty's order.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("violation_status_change needs the caller's transaction and row lock")
    # The log's from-status is the one just read under the lock, not the one a form may have brought along.
    violation.status = Violation.objects.select_for_update().values_list("status", flat=True).get(pk=violation.pk)
    change = case_state_change(violation, to_state, log_model=PenaltyStatusChange, user=user, reason=reason, on=on,
                               field="violation")
    violation.status_since = change.changed_on
    return violation


@transaction.atomic
def violation_status_set(*, violation: Violation, to_state: str, user, reason: str = "",
                         on: date | None = None) -> Violation:
    """Change a penalty's status and save it (what staff do when an appeal is decided)."""
    violation_status_change(violation=violation, to_state=to_state, user=user, reason=reason, on=on)
    violation.updated_by = user
    violation.save(update_fields=["status", "status_since", "updated_by", "updated_at"])
    return violation


def penalty_status_log_backfill(*, apps, batch_size: int = 5000) -> int:
    """Write the first log entry of every penalty that has none: its status as it is now, dated its decision
    date (decided_on). The records keep no earlier status and no date of an appeal or revocation, so a penalty
    revoked before the log existed reads as revoked since its decision, which is how the reports counted it.
    `apps` is the model registry (a migration's historical one, or django.apps.apps). Returns the rows written."""
    violation_model = apps.get_model("inspections", "Violation")
    change_model = apps.get_model("inspections", "PenaltyStatusChange")
    now = timezone.now()
    rows = (
        violation_model.objects.filter(status_changes__isnull=True)
        .values_list("pk", "status", "decided_on").order_by("pk")
    )
    changes = (
        change_model(violation_id=pk, from_state="", to_state=status, changed_on=decided_on, changed_at=now,
                     reason=BACKFILL_REASON)
        for pk, status, decided_on in rows.iterator(chunk_size=batch_size)
    )
    written = 0
    while batch := list(islice(changes, batch_size)):
        written += len(change_model.objects.bulk_create(batch))
    return written


def violation_status_lock(*, violation: Violation) -> Violation:
    """Lock the penalty's row and take its status as it is now (a form or request may hold an older one)."""
    violation.status, violation.status_since = (
        Violation.objects.select_for_update().values_list("status", "status_since").get(pk=violation.pk))
    return violation


@transaction.atomic
def violation_staff_save(*, violation: Violation, status_changed: bool, user) -> Violation:
    """Save the admin form's edit of a penalty. Its status goes through violation_status_change when the clerk
    changed it; otherwise the status as it is now stands (one changed meanwhile is not overwritten)."""
    to_state = violation.status
    violation_status_lock(violation=violation)
    if status_changed and to_state != violation.status:
        violation_status_change(violation=violation, to_state=to_state, user=user)
    violation.updated_by = user
    violation.save()
    return violation
