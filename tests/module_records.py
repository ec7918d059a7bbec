"""Records made once for a test module whose tests all start from them, rather than once per test."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def records_for_the_module(django_db_blocker):
    """Use in a module-scoped fixture: what is made inside stays for the module's tests and is rolled back after
    the last. The module's tests must all use the database (`pytestmark = pytest.mark.django_db`): each then runs
    in a savepoint inside, so what one test changes the next does not see."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
