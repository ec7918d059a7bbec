"""Case numbers: 109-D-000123, one gapless sequence per kind of case (its letter) and ROC year."""

from datetime import date

from django.db import connection

from labor_portal.cases.models import CaseNumberSequence


def case_number_next(*, kind: str, filed_on: date) -> str:
    """The year's next number for `kind`. Call it inside the filing's transaction, as late as possible: the
    UPDATE locks the (kind, year) counter row until commit, so concurrent filings of one kind get consecutive
    numbers and a rolled-back filing gives its number back; filings of other kinds never wait on it."""
    roc_year = filed_on.year - 1911
    table = connection.ops.quote_name(CaseNumberSequence._meta.db_table)
    with connection.cursor() as cursor:
        # One round trip: increment and read (PostgreSQL, and SQLite >= 3.35).
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 WHERE kind = %s AND roc_year = %s "  # noqa: S608
            "RETURNING last_number",
            [kind, roc_year],
        )
        row = cursor.fetchone()
    if row is None:
        # The year's first case of this kind: create its counter. A concurrent first filing blocks on the
        # unique (kind, roc_year) index until this one commits, then finds the row and updates it.
        CaseNumberSequence.objects.get_or_create(kind=kind, roc_year=roc_year)
        return case_number_next(kind=kind, filed_on=filed_on)
    return f"{roc_year}-{kind}-{row[0]:06d}"
