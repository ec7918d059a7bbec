"""Case numbers: gapless per kind and year under concurrent filings (the counters' move to the kit:
test_data_migrations.py)."""

import threading
from datetime import date

import pytest
from django.db import connection, transaction

from labor_portal.cases.models import CaseNumberSequence
from labor_portal.cases.numbers import case_number_next

FILED_ON = date(2020, 5, 4)


def test_each_kind_counts_on_its_own_and_each_year_starts_again(db):
    assert case_number_next(kind="D", filed_on=FILED_ON) == "109-D-000001"
    assert case_number_next(kind="E", filed_on=FILED_ON) == "109-E-000001"
    assert case_number_next(kind="D", filed_on=FILED_ON) == "109-D-000002"
    assert case_number_next(kind="D", filed_on=date(2021, 1, 2)) == "110-D-000001"


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_of_two_kinds_get_gapless_numbers_per_kind():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every write): DATABASE_URL=postgres://...")
    threads_per_kind, rolled_back_every = 12, 4
    committed: dict[str, list[str]] = {"D": [], "E": []}
    errors: list[BaseException] = []
    start = threading.Barrier(2 * threads_per_kind)

    def filing(kind: str, index: int):
        try:
            start.wait()
            try:
                with transaction.atomic():
                    number = case_number_next(kind=kind, filed_on=FILED_ON)
                    if index % rolled_back_every == 0:
                        # A filing that fails after taking its number gives the number back.
                        raise RuntimeError("filing failed")
                committed[kind].append(number)
            except RuntimeError:
                pass
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=filing, args=(kind, i)) for kind in "DE" for i in range(threads_per_kind)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    expected = threads_per_kind - len(range(0, threads_per_kind, rolled_back_every))
    for kind in "DE":
        assert sorted(committed[kind]) == [f"109-{kind}-{n:06d}" for n in range(1, expected + 1)]
        assert CaseNumberSequence.objects.get(kind=kind, roc_year=109).last_number == expected
