"""Helpers for the sections' demo data (their demo.py): deterministic dates and amounts."""

from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connections, router
from django.db.models import Max
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
    """Insert the records with change history, as if each had been entered; returns them, saved, with their keys.

    For speed (the demo is some 130,000 records, loaded by `make run` and the tests): the rows go in with one
    executemany per batch, keys numbered here after the table's largest, and the database copies each batch into
    the history table with one INSERT … SELECT — the same row ("+", the time, no user, no reason) that
    simple-history would build in Python per record. Values are prepared as the ORM's bulk_create prepares them
    (each field's pre_save and get_db_prep_save); model instances, not expressions. load_demo runs in a
    transaction, so no other writer takes a key meanwhile.
    """
    if not objects:
        return objects
    connection = connections[router.db_for_write(model)]
    _number(model, objects)
    _insert(connection, model, model._meta.concrete_fields, objects, batch_size)
    _copy_to_history(connection, model, [obj.pk for obj in objects], batch_size)
    for sql in connection.ops.sequence_reset_sql(no_style(), [model]):  # PostgreSQL: past the given keys
        with connection.cursor() as cursor:
            cursor.execute(sql)
    return objects


def _number(model, objects: list) -> None:
    """Keys for the records that have none (an auto-numbered key; others, e.g. UUIDs, have theirs by default)."""
    unnumbered = [obj for obj in objects if obj.pk is None]
    if unnumbered:
        pk = model._meta.pk.attname
        first = (model.objects.aggregate(last=Max(pk))["last"] or 0) + 1
        for key, obj in enumerate(unnumbered, start=first):
            obj.pk = key


def _insert(connection, model, fields, objects: list, batch_size: int) -> None:
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)})"  # noqa: S608 - names from the model
           f" VALUES ({', '.join(['%s'] * len(fields))})")
    for obj in objects:  # a record built with a related record not yet saved takes its key now, as in bulk_create
        obj._prepare_related_fields_for_save(operation_name="create")
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            batch = objects[start:start + batch_size]
            cursor.executemany(sql, [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                                     for obj in batch])
    for obj in objects:
        obj._state.adding, obj._state.db = False, connection.alias


def _copy_to_history(connection, model, keys: list, batch_size: int) -> None:
    history = model.history.model
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
        for start in range(0, len(keys), batch_size):
            batch = [pk.get_db_prep_value(key, connection) for key in keys[start:start + batch_size]]
            cursor.execute(copy + f"({', '.join(['%s'] * len(batch))})", [*stamp_values, *batch])
