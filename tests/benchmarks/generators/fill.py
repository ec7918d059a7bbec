# ruff: noqa: S608 - the SQL is built from model metadata and the generators' own constants only
"""Fill a model's table server-side: INSERT ... SELECT over generate_series, one SQL expression per column.

Each column gets a value from its field (choices cycle, dates spread evenly over the span, unique text carries the
row number, nullable fields stay NULL) unless the section's generator gives an expression for it. Expressions
may use `i` (the row number, unique in the table across calls), `{day}` (row i's day in the span) and `{n}`.
"""

from django.db import connection, models

STEP = 7919  # a prime: row i's parent is 1 + i * STEP % parents, spread over all of them


def execute(sql: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def scalar(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def cycle(values, salt: int = 0) -> str:
    """One of `values` per row, spread so that two cycled columns do not move in lockstep."""
    array = "ARRAY[" + ",".join(literal(value) for value in values) + "]"
    return f"({array})[1 + (i * {7 + 2 * salt} + i / {11 + salt}) % {len(values)}]"


def parent_key(model: type[models.Model], salt: int = 0) -> str:
    """Row i's parent among the rows of `model` (integer keys): spread over all of them."""
    table = model._meta.db_table
    low, high = scalar(f"SELECT min(id) FROM {table}"), scalar(f"SELECT max(id) FROM {table}")
    if low is None:
        raise RuntimeError(f"{table} is empty: fill it before its children")
    return f"({low} + ((i + {salt}) * {STEP}::bigint) % {high - low + 1})"


def _default(field: models.Field, index: int, main_date: str | None) -> str | None:
    """The SQL for a column no generator spoke for; None leaves the column out (identity keys)."""
    name = field.name
    if isinstance(field, models.AutoField):
        return None
    if isinstance(field, models.UUIDField):
        return "gen_random_uuid()"
    if name in ("created_at", "updated_at"):
        return "now()"
    if field.is_relation:
        if field.null:
            return "NULL"
        if field.related_model._meta.pk.get_internal_type() == "UUIDField":
            raise RuntimeError(f"{field} points at a UUID key: give it an expression")
        return parent_key(field.related_model, index)
    if field.choices:
        return cycle([value for value, _label in field.flatchoices if value != ""], index)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        if name == main_date:
            return "{day}"
        return "NULL" if field.null else "{day} + (i % 20)::int"  # on or after the record's own day
    if field.null:
        return "NULL"
    if field.has_default() and not callable(field.default):
        return literal(field.default)
    if isinstance(field, models.JSONField):
        return "'{}'::jsonb" if field.default is dict else "'[]'::jsonb"
    if isinstance(field, models.DateTimeField):
        return "now()"
    if isinstance(field, models.TimeField):
        return "time '10:00'"
    if isinstance(field, models.BooleanField):
        return f"i % {2 + index % 3} = 0"
    if isinstance(field, models.DecimalField):
        return "(1 + i % 30)"
    if isinstance(field, models.BigIntegerField | models.PositiveBigIntegerField):
        return "(1 + i % 500) * 1000"
    if isinstance(field, models.IntegerField):
        return "i" if field.unique else f"(1 + i % {20 + index})"
    if isinstance(field, models.EmailField):
        return "'user' || i || '@example.tw'"
    if isinstance(field, models.FileField):
        return "'bench/attachment.pdf'"
    if isinstance(field, models.CharField | models.TextField):
        text = f"'{field.name[:4]}' || i" if field.unique else f"'示範{field.verbose_name}' || (i % 997)"
        return f"left({text}, {field.max_length})" if field.max_length else text
    raise RuntimeError(f"no default for {field!r}: give it an expression")


def fill(model: type[models.Model], count: int, start: str, end: str, **expressions: str) -> int:
    """Insert `count` rows of `model` dated evenly over [start, end), returning the number inserted.

    The model's period date (its queryset's `date_field`) gets the row's day unless `expressions` says otherwise.
    """
    if count <= 0:
        return 0
    table = model._meta.db_table
    offset = scalar(f"SELECT count(*) FROM {table}")
    main_date = getattr(model.objects.get_queryset(), "date_field", None)
    day = f"(date '{start}' + (((i - {offset} - 1)::bigint * (date '{end}' - date '{start}')) / {count})::int)"
    columns, values = [], []
    for index, field in enumerate(model._meta.concrete_fields):
        sql = expressions.pop(field.name, None)
        if sql is None:
            sql = _default(field, index, main_date)
        if sql is None:
            continue
        columns.append(field.column)
        values.append(sql.replace("{day}", day).replace("{n}", str(count)))
    if expressions:
        raise ValueError(f"{model.__name__} has no fields {sorted(expressions)}")
    return execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
        f"FROM generate_series({offset + 1}, {offset + count}) AS i"
    )
