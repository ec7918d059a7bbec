"""The test suite's flush (tests/first_rows.py) leaves the database as Django's flush and post_migrate would."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection

from labor_portal.core.models import LegalRule
from tests.first_rows import flush_and_put_back


def _rows(copies):
    """Each copied table's rows, without the keys a re-creation would number anew."""
    counts = {}
    with connection.cursor() as cursor:
        for table, _copy, _columns in copies:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    groups = sorted(Group.objects.values_list("name", "permissions__content_type__app_label",
                                              "permissions__codename"))
    rules = sorted(LegalRule.objects.values_list("key", "valid_from", "value"))
    return counts, groups, rules


@pytest.mark.django_db(transaction=True)
def test_the_rows_put_back_are_those_post_migrate_writes(flush_puts_back_the_first_rows):
    copies = flush_puts_back_the_first_rows
    assert {"auth_permission", "auth_group", "auth_group_permissions", "django_content_type",
            "core_legalrule"} <= {table for table, _copy, _columns in copies}

    call_command("flush", verbosity=0, interactive=False)  # Django's own: post_migrate writes them again
    written = _rows(copies)
    User.objects.create_user("someone")
    Group.objects.get(name="系統管理").permissions.clear()
    LegalRule.objects.all().delete()

    flush_and_put_back(copies)
    assert _rows(copies) == written
    assert not User.objects.exists()
