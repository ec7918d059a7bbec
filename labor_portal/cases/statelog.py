"""A state log: each transition of a record (when, on which business date, who, from, to, why), and the state a
record was in on a given day, read inside aggregate queries.

Report tables that count by state read the state **as it stood at the period's end** from the log, so that a
published half-year never changes because a case was reopened or a penalty revoked later.
"""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DatedChange(models.Model):
    """A change to a record that reports read as of a day: when it was recorded, the business day it counts
    from, who made it and why. A section's concrete log adds the foreign key to its record (by convention
    `case`), what changed, and an index on (that key, changed_on, changed_at, id), which readers go backwards on.
    """

    # When the change was recorded, and the day (Asia/Taipei) it counts on: staff may back-date an outcome to the
    # day it was reached (e.g. a case's concluded_on), and reports count by that day.
    changed_at = models.DateTimeField(_("記錄時間"), default=timezone.now)
    changed_on = models.DateField(_("生效日期"))
    # Empty when a citizen made the change (a withdrawal on the tracking page) or it was backfilled.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("變更者"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    reason = models.TextField(_("理由"), blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_on", "changed_at", "pk"]


class StateChange(DatedChange):
    """One transition of a record's state; `state_on` reads the state as of a day."""

    from_state = models.CharField(_("原狀態"), max_length=20, blank=True)  # blank: the record's first state
    to_state = models.CharField(_("新狀態"), max_length=20)

    class Meta(DatedChange.Meta):
        abstract = True

    def __str__(self):
        return f"{self.changed_on} {self.from_state or '-'} → {self.to_state}"


def value_on(change_model: type[DatedChange], day: date, value: str, *, field: str = "case") -> Subquery:
    """`value` of the outer record's latest change (`field` of `change_model` pointing at it) dated on or before
    `day`; NULL before its first change. Usable inside aggregate queries.

    Changes on the same day are ordered by when they were recorded, then by id, so the last one recorded wins.
    """
    latest = (
        change_model.objects.filter(**{field: OuterRef("pk"), "changed_on__lte": day})
        .order_by("-changed_on", "-changed_at", "-pk")
        .values(value)[:1]
    )
    return Subquery(latest, output_field=models.CharField())


def state_on(change_model: type[StateChange], day: date, *, field: str = "case") -> Subquery:
    """The state the outer record was in at the end of `day` (see value_on)."""
    return value_on(change_model, day, "to_state", field=field)


def latest_change_day(change_model: type[StateChange], record, *, field: str = "case") -> date | None:
    """The business date of the record's latest change (None before its first)."""
    return (
        change_model.objects.filter(**{field: record})
        .order_by("-changed_on", "-changed_at", "-pk")
        .values_list("changed_on", flat=True)
        .first()
    )


def case_state_change(case, to_state: str, *, log_model: type[StateChange], user, reason: str = "",
                      on: date | None = None, notify: Callable | None = None, field: str = "case",
                      state_field: str = "status") -> StateChange:
    """The one way a case changes state, for every section: sets `case.status`, writes the state log
    (`log_model`, whose `case` points at it) and, for a case already filed whose state changed, calls
    `notify(case=case, state=to_state)` (the section's status e-mail through the outbox, sent after commit).

    `field` and `state_field` are for records the bureau names otherwise: a penalty's log points at its
    `violation`, and a rehabilitation case is in a `stage` (a case manager's word), not a status.

    Call it inside the caller's transaction, holding the case's row lock (or inserting the case); the caller
    saves the case. `on` is the business date the change counts on in reports (default today, Asia/Taipei). A
    change is never dated before the one it follows, so that the log's order stays the case's order (a
    back-dated outcome recorded after a later-dated assignment counts from the assignment's date). A new case
    costs one INSERT and no SELECT: it has no earlier change but those this transaction logged.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("a case's state change needs the caller's transaction and row lock")
    on = on or timezone.localdate()
    # A case being inserted has no earlier change, unless this transaction logged one already (a paper case
    # entered with its outcome); the case row is saved after its log rows (foreign keys are checked at commit).
    adding = case._state.adding
    first = adding and not getattr(case, "_state_log_started", False)
    from_state = "" if first else getattr(case, state_field)
    if not first:
        last = getattr(case, "_state_log_last_on", None) if adding else latest_change_day(log_model, case, field=field)
        if last is not None and on < last:
            on = last
    change = log_model.objects.create(**{field: case}, from_state=from_state, to_state=to_state, changed_on=on,
                                      changed_by=user, reason=reason)
    setattr(case, state_field, to_state)
    case._state_log_started, case._state_log_last_on = True, on
    if from_state != to_state and not adding and notify is not None:
        notify(case=case, state=to_state)
    return change
