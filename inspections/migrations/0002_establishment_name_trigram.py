"""Find establishments by any part of their name quickly on PostgreSQL (a trigram GIN index).

Django's `icontains` compares UPPER(name), so the index is on that expression. SQLite (development)
has no trigram index and needs none at its size: the operations do nothing there.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS inspections_establishment_name_trgm "
    "ON inspections_establishment USING gin (UPPER(name) gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS inspections_establishment_name_trgm"]


def _run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]

    operations = [migrations.RunPython(_run_on_postgresql(CREATE), _run_on_postgresql(DROP), elidable=False)]
