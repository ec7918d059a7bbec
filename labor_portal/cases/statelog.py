"""A state log: each transition of a record (when, on which business date, who, from, to, why), and the state a
record was in on a given day, read inside aggregate queries.

Report tables that count by state read the state **as it stood at the period's end** from the log, so that a
published half-year never changes because a case was reopened or a penalty revoked later.
"""

from datetime import date

from django.conf import settings
from django.db import models
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
