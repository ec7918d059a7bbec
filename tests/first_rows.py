"""After a transactional test (and each live-server test), Django empties every table and sends post_migrate,
whose receivers write back the content types, permissions, role groups and each section's seeds: a quarter of a
second of receivers per test, about 30 s of the suite. Here the rows those receivers wrote when the test database
was made are copied once, inside the database, and put back after each flush instead.

The copies are tables of their own (`first_rows_<n>`), which a flush does not touch, and the rows go back with one
INSERT … SELECT per table: no Python value is read, so every column type round-trips on SQLite and PostgreSQL.
"""

from django.core.management import call_command
from django.db import connections, transaction

COPY_PREFIX = "first_rows_"


def copy_first_rows(alias: str = "default") -> list[tuple[str, str, str]]:
    """(table, copy, column list) for each model table that holds rows now."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    copies = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 1")  # noqa: S608 - names from the models
            if cursor.fetchone() is None:
                continue
            columns = ", ".join(quote(column[0]) for column in cursor.description)
            copy = f"{COPY_PREFIX}{len(copies)}"
            cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
            cursor.execute(f"CREATE TABLE {quote(copy)} AS SELECT {columns} FROM {quote(table)}")  # noqa: S608
            copies.append((table, copy, columns))
    return copies


def flush_and_put_back(copies, alias: str = "default") -> None:
    """What TransactionTestCase's teardown does (flush, then post_migrate), with the copied rows put back."""
    from django.contrib.contenttypes.models import ContentType

    call_command("flush", verbosity=0, interactive=False, database=alias, reset_sequences=False,
                 inhibit_post_migrate=True)
    connection = connections[alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for table, copy, columns in copies:
            cursor.execute(f"INSERT INTO {quote(table)} ({columns}) SELECT {columns} FROM {quote(copy)}")  # noqa: S608
    ContentType.objects.clear_cache()
