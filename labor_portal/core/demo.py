"""Helpers for the sections' demo data (their demo.py): deterministic dates and amounts."""

from datetime import date, timedelta

from django.db import connections, router
from django.utils import timezone

from labor_portal.core.periods import HalfYear


def spread_dates(period: HalfYear, count: int, *, offset: int = 0) -> list[date]:
    """`count` dates spread evenly over the period (deterministic, so the demo is reproducible)."""
    days = (period.end - period.start).days
    return [period.start + timedelta(days=(offset + n * days // max(count, 1)) % days) for n in range(count)]


def split_total(total: int, count: int, *, step: int = 1) -> list[int]:
    """`count` whole amounts (multiples of `step` where possible) that add up to exactly `total`."""
    base = (total // count) // step * step
    amounts = [base] * count
    amounts[-1] += total - base * count
    return amounts


def create(model, objects: list, *, batch_size: int = 500) -> list:
    """Bulk insert with change history, as if each had been entered.

    simple-history's `bulk_create_with_history` builds a history object in Python per record and inserts those
    (two thirds of the demo's load time): here the database copies each batch of rows just stored into the
    history table with one INSERT … SELECT, the same row ("+", the time, no user, no reason). The records get
    their primary keys back from bulk_create (SQLite 3.35+, PostgreSQL); load_demo runs in a transaction.
    """
    created = model.objects.bulk_create(objects, batch_size=batch_size)
    history = model.history.model
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    tracked = [f.name for f in history.tracked_fields]
    stamps = ["history_date", "history_type", "history_change_reason", "history_user"]
    into = ", ".join(quote(history._meta.get_field(name).column) for name in [*tracked, *stamps])
    select = ", ".join(f"t.{quote(model._meta.get_field(name).column)}" for name in tracked)
    pk = model._meta.pk
    copy = (f"INSERT INTO {quote(history._meta.db_table)} ({into}) SELECT {select}, %s, %s, %s, %s"  # noqa: S608 - names from the models
            f" FROM {quote(model._meta.db_table)} t WHERE t.{quote(pk.column)} IN ")
    stamp_values = [connection.ops.adapt_datetimefield_value(timezone.now()), "+", None, None]
    with connection.cursor() as cursor:
        for start in range(0, len(created), batch_size):
            keys = [pk.get_db_prep_value(obj.pk, connection) for obj in created[start:start + batch_size]]
            cursor.execute(copy + f"({', '.join(['%s'] * len(keys))})", [*stamp_values, *keys])
    return created
